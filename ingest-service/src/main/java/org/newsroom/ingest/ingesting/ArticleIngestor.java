package org.newsroom.ingest.ingesting;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.newsroom.assignment.ArticleEmbedder;
import org.newsroom.assignment.ArticleFeatures;
import org.newsroom.assignment.Candidate;
import org.newsroom.assignment.Decision;
import org.newsroom.assignment.StoryAssigner;
import org.newsroom.assignment.StoryProfile;
import org.newsroom.events.AppendBatch;
import org.newsroom.events.ConcurrencyConflictException;
import org.newsroom.events.DuplicateEventException;
import org.newsroom.events.EventMetadata;
import org.newsroom.events.EventStore;
import org.newsroom.events.GroupCommit;
import org.newsroom.events.NewEvent;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleAssignedToStory;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.StoryOpened;
import org.newsroom.ingest.api.IngestResponse;
import org.newsroom.ingest.api.ValidArticle;
import org.newsroom.ingest.stories.StoryIndex;
import org.newsroom.text.AnalyzedArticle;
import org.newsroom.text.ArticleAnalyzer;
import org.newsroom.text.ArticleInput;
import org.newsroom.text.Salience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Turns one article into its events and appends them, with the story index update, in one transaction.
 * Analysis runs before the transaction; the short decide-and-append part is serialized by an advisory lock so that
 * two similar articles arriving together cannot both open a story. Articles whose analysis ends while another's
 * append runs are appended together in the next transaction ({@link GroupCommit}), one after the other under the
 * same lock, their events written by one statement at its end ({@link AppendBatch}); each is answered once that
 * transaction has committed.
 */
@ApplicationScoped
public class ArticleIngestor {

    private static final Logger LOG = Logger.getLogger(ArticleIngestor.class);
    /** The advisory lock every append transaction takes first. */
    public static final long ASSIGNMENT_LOCK = 0x4e657773726f6f6dL; // "Newsroom"
    private static final int MAX_ATTEMPTS = 5;

    private final AgroalDataSource dataSource;
    private final EventStore store;
    private final StoryIndex index;
    private final ArticleAnalyzer analyzer;
    private static final int LEAD_SENTENCES = 3;
    private static final int ENTITIES = 20;

    private final StoryAssigner assigner = new StoryAssigner();
    private final ArticleEmbedder embedder;
    private final MeterRegistry metrics;
    private final GroupCommit<AppendBatch> appends;

    public ArticleIngestor(AgroalDataSource dataSource, EventStore store, ArticleAnalyzer analyzer,
                           ArticleEmbedder embedder, MeterRegistry metrics,
                           @ConfigProperty(name = "newsroom.ingest.max-articles-per-transaction", defaultValue = "16")
                           int maxArticlesPerTransaction) {
        this.embedder = embedder;
        this.dataSource = dataSource;
        this.store = store;
        this.index = new StoryIndex(store.codec().mapper());
        this.analyzer = analyzer;
        this.metrics = metrics;
        var sizes = metrics.summary("newsroom.ingest.articles.per.transaction");
        this.appends = new GroupCommit<>(dataSource::getConnection, c -> {
            lockAssignment(c);
            return store.batch();
        }, (c, batch) -> batch.flush(c), maxArticlesPerTransaction, sizes::record);
        metrics.gauge("newsroom.ingest.articles.waiting", appends, GroupCommit::waiting);
    }

    /** An article's append, answered once its transaction has written it; or the answer for a stored revision. */
    private record Appended(IngestResponse known, AppendBatch.Pending pending, UUID articleId, UUID storyId,
                            int claims, int revision, int events) {
        static Appended known(IngestResponse response) {
            return new Appended(response, null, null, null, 0, 0, 0);
        }

        IngestResponse response() {
            if (known != null) {
                return known;
            }
            List<Long> positions = pending.positions();
            return new IngestResponse(articleId, storyId, positions.get(positions.size() - 1), claims, false, revision);
        }
    }

    private record Prepared(ValidArticle request, UUID articleId, String contentHash, AnalyzedArticle analysis,
                            ArticleFeatures features, Instant receivedAt) {
    }

    public IngestResponse ingest(ValidArticle article) throws SQLException {
        String body = article.text() != null ? article.text() : article.html();
        String contentHash = ArticleIdentity.contentHash(article.title(), body);
        UUID articleId = ArticleIdentity.articleId(article.outlet(), article.url(), ArticleIdentity.contentHash(null, body));
        MDC.put("articleId", articleId.toString());
        try {
            Optional<IngestResponse> known = inTransaction(c -> duplicate(c, articleId, contentHash));
            if (known.isPresent()) {
                return duplicateAnswer(known.get());
            }
            long started = System.nanoTime();
            AnalyzedArticle analysis = analyzer.analyze(
                    new ArticleInput(article.title(), article.text(), article.html(), article.publishedAt()));
            metrics.timer("newsroom.extraction.time").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            started = System.nanoTime();
            // An article without a title is represented by its first sentence, which also heads a story it opens.
            String title = article.title() != null ? article.title() : firstSentence(analysis);
            ArticleFeatures features = embedder.features(title, Salience.lead(analysis, LEAD_SENTENCES),
                    Salience.entities(analysis, ENTITIES), Salience.quantities(analysis), Salience.quotes(analysis),
                    article.publishedAt());
            metrics.timer("newsroom.embedding.time").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Prepared prepared = new Prepared(article, articleId, contentHash, analysis, features, Instant.now());
            FirstRevision first = firstRevision(prepared);
            for (int attempt = 1; ; attempt++) {
                try {
                    Appended appended = appends.run((c, batch) -> append(c, batch, prepared, first));
                    IngestResponse response = appended.response();
                    if (response.duplicate()) {
                        return duplicateAnswer(response);
                    }
                    metrics.counter("newsroom.articles.ingested").increment();
                    metrics.counter("newsroom.events.appended").increment(appended.events());
                    LOG.infof("ingested article %s (revision %d) into story %s at position %d with %d claims",
                            articleId, response.revision(), response.storyId(), response.position(), response.claims());
                    return response;
                } catch (ConcurrencyConflictException | DuplicateEventException e) {
                    if (attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    LOG.debugf("retrying article %s after: %s", articleId, e.getMessage());
                }
            }
        } finally {
            MDC.remove("articleId");
        }
    }

    private IngestResponse duplicateAnswer(IngestResponse response) {
        metrics.counter("newsroom.articles.duplicates").increment();
        LOG.infof("article %s is a duplicate of revision %d", response.articleId(), response.revision());
        return response;
    }

    /** Opens every append transaction: the decide-and-append parts of all ingest instances run one at a time. */
    private static void lockAssignment(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, ASSIGNMENT_LOCK);
            lock.execute();
        }
    }

    /**
     * Runs after the articles before it in its transaction, if any, and sees what they wrote: the story index at once,
     * their events once the batch is flushed. The log is read here about this article only, so the batch is flushed
     * first only when it holds this article's events (the same article posted twice at once).
     */
    private Appended append(Connection c, AppendBatch batch, Prepared p, FirstRevision first) throws SQLException {
        if (batch.holds(p.articleId())) {
            batch.flush(c);
        }
        Optional<IngestResponse> known = duplicate(c, p.articleId(), p.contentHash());
        if (known.isPresent()) {
            return Appended.known(known.get());
        }
        Optional<RecordedEvent> previous = store.latestRevision(c, p.articleId());
        ValidArticle a = p.request();
        Instant publishedAt = a.publishedAt();
        List<StoryEvent> events = new ArrayList<>();
        StoryIndex.Entry story;
        StoryProfile profile;
        int revision;
        if (previous.isPresent()) {
            ArticleIngested before = (ArticleIngested) previous.get().event();
            revision = before.revision() + 1;
            story = index.find(c, storyIdOf(previous.get().streamId())).orElseThrow();
            events.add(ingested(p, revision));
            events.add(extracted(p, revision));
            events.add(new ArticleAssignedToStory(p.articleId(), revision, story.storyId(), "revision", 1.0, null,
                    null, Map.of()));
            profile = story.profile();
        } else {
            revision = 1;
            Decision decision = assigner.assign(p.features(), index.candidates(c, publishedAt).stream()
                    .map(e -> new Candidate(e.storyId(), e.profile())).toList(), a.storyHint());
            if (decision.storyId() == null) {
                UUID storyId = ArticleIdentity.openedStoryId(p.articleId(), p.contentHash());
                String headline = p.features().title();
                story = new StoryIndex.Entry(storyId, headline, 0, 0, publishedAt, null);
                events.add(new StoryOpened(storyId, headline, p.articleId()));
                profile = StoryProfile.open(p.features());
            } else {
                story = index.find(c, decision.storyId()).orElseThrow();
                profile = story.profile().with(p.features());
            }
            events.add(first.ingested());
            events.add(first.extracted());
            events.add(new ArticleAssignedToStory(p.articleId(), revision, story.storyId(), decision.decision(),
                    decision.score(), decision.runnerUpStoryId(), decision.runnerUpScore(), decision.signals()));
        }
        List<NewEvent> toAppend = new ArrayList<>();
        UUID causation = null;
        for (StoryEvent e : events) {
            UUID id = ArticleIdentity.eventId(p.articleId(), p.contentHash(), e.type());
            toAppend.add(new NewEvent(id, e, new EventMetadata(p.articleId(), causation, ArticleAnalyzer.VERSION),
                    first.jsonOf(e)));
            causation = id;
        }
        AppendBatch.Pending pending = batch.append(StoryEvent.streamOf(story.storyId()), story.streamVersion(), toAppend);
        index.save(c, new StoryIndex.Entry(story.storyId(), story.headline(), story.streamVersion() + events.size(),
                story.articleCount() + (revision == 1 ? 1 : 0),
                publishedAt.isAfter(story.lastPublishedAt()) ? publishedAt : story.lastPublishedAt(), profile));
        return new Appended(null, pending, p.articleId(), story.storyId(), p.analysis().claims().size(), revision,
                events.size());
    }

    /**
     * An article's two large events as they are when it is new, written to JSON on the request's thread before its
     * append, so that the transaction, which other articles may be waiting for, does not write them.
     */
    private record FirstRevision(ArticleIngested ingested, String ingestedJson, ClaimsExtracted extracted,
                                 String extractedJson) {
        /** The JSON written ahead for this very event, or null. */
        String jsonOf(StoryEvent e) {
            return e == ingested ? ingestedJson : e == extracted ? extractedJson : null;
        }
    }

    private FirstRevision firstRevision(Prepared p) {
        ArticleIngested ingested = ingested(p, 1);
        ClaimsExtracted extracted = extracted(p, 1);
        return new FirstRevision(ingested, store.codec().write(ingested), extracted, store.codec().write(extracted));
    }

    /** The answer for an article revision that is already stored, if it is. */
    private Optional<IngestResponse> duplicate(Connection c, UUID articleId, String contentHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.stream_id, (i.data ->> 'revision')::int,
                       (SELECT max(position) FROM events a WHERE a.stream_id = i.stream_id
                            AND a.metadata ->> 'correlationId' = i.data ->> 'articleId'),
                       (SELECT json_array_length(x.data -> 'claims') FROM events x WHERE x.event_id = ?)
                FROM events i
                WHERE i.event_id = ?
                """)) {
            ps.setObject(1, ArticleIdentity.eventId(articleId, contentHash, ClaimsExtracted.TYPE));
            ps.setObject(2, ArticleIdentity.eventId(articleId, contentHash, ArticleIngested.TYPE));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IngestResponse(articleId, storyIdOf(rs.getString(1)), rs.getLong(3),
                        rs.getInt(4), true, rs.getInt(2)));
            }
        }
    }

    private static UUID storyIdOf(String streamId) {
        return UUID.fromString(streamId.substring("story-".length()));
    }

    private static ArticleIngested ingested(Prepared p, int revision) {
        ValidArticle a = p.request();
        return new ArticleIngested(p.articleId(), revision, a.outlet(), a.url(), a.title(), a.publishedAt(),
                p.receivedAt(), p.contentHash(), p.analysis().text(), p.analysis().dateline(),
                p.analysis().wireCredits());
    }

    /** Stored without the texts that the ArticleIngested event's text has between their offsets (schema 2). */
    private static ClaimsExtracted extracted(Prepared p, int revision) {
        return new ClaimsExtracted(p.articleId(), revision, ClaimMapper.claims(p.analysis().claims()),
                ClaimMapper.entities(p.analysis().entities())).withoutTextsOf(p.analysis().text());
    }

    private static String firstSentence(AnalyzedArticle analysis) {
        String text = analysis.text();
        String first = analysis.sentences().isEmpty() ? text
                : text.substring(analysis.sentences().get(0).start(), analysis.sentences().get(0).end());
        return first.length() > 200 ? first.substring(0, 200) : first;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
