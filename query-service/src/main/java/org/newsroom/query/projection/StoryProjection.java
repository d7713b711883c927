package org.newsroom.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.newsroom.events.Checkpoint;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleAssignedToStory;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.StoryOpened;
import org.newsroom.events.StoryEvent.Unknown;
import org.newsroom.query.projection.ProjectionRows.Revision;
import org.newsroom.query.readmodel.ArticleEvents;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryViewBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Applies events to the read model. Runs inside the caller's transaction, which also moves the checkpoint,
 * so an event is applied exactly once. Each story touched by a batch has its view rebuilt once, at the end of the
 * batch, from the current revisions of its articles.
 */
@ApplicationScoped
public class StoryProjection {

    private static final Logger LOG = Logger.getLogger(StoryProjection.class);
    /** Builds the views of a batch's stories in parallel, one thread per core, apart from the common pool. */
    private static final ForkJoinPool BUILDERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /** An article as the builder reads it, for one revision: what its events say, so it never goes stale. */
    private record Cached(int revision, StoryArticle article) {
    }

    private final ViewJson json;
    private final ArticleEvents articleEvents;
    private final ViewChunks chunks;
    private final ManagedRows managed;
    private final StoryViewBuilder builder = new StoryViewBuilder();
    private final Map<UUID, Cached> articles;

    /**
     * @param cachedArticles how many parsed articles to keep between batches: a story's view is rebuilt from all its
     *                       articles each time one joins, and parsing them again would cost more than the build
     */
    public StoryProjection(ViewJson json, ArticleEvents articleEvents, ViewChunks chunks, ManagedRows managed,
                           @ConfigProperty(name = "newsroom.projection.cached-articles", defaultValue = "5000")
                           int cachedArticles) {
        this.json = json;
        this.articleEvents = articleEvents;
        this.chunks = chunks;
        this.managed = managed;
        this.articles = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
                return size() > cachedArticles;
            }
        });
    }

    /** Applies a batch of events in log order, then rebuilds the view of every story an article joined. */
    public void apply(List<RecordedEvent> batch) {
        store(build(prepare(batch, true)));
    }

    /**
     * The first of {@link #apply}'s three steps: the batch's article and story rows written (flushed), and what the
     * views of its stories are built from. With {@code remember} false, as a replay of the whole log does, nothing of
     * the batch is kept for the next one: neither its parsed articles nor its stored chunks. A replay builds most
     * stories once, and keeping tens of thousands of articles alive only had the garbage collector copy them.
     */
    public Prepared prepare(List<RecordedEvent> batch, boolean remember) {
        return prepare(batch, remember, new Waiting(Map.of(), 0), managed);
    }

    /**
     * What a replay of the whole log keeps between its batches, so that it builds each story once, in the batch of
     * its last article, instead of once for every batch the story has articles in. A story waits while its last
     * assignment event comes after the batch; the replay holds the articles of the waiting stories that it has
     * parsed, up to a budget (past it, they are read again from the log when the story is built).
     */
    public final class Waiting {
        private final Map<UUID, Checkpoint> lastAssigned;
        private final Set<UUID> owed = new HashSet<>();
        private final Map<UUID, Cached> held = new HashMap<>();
        private final int budget;

        private Waiting(Map<UUID, Checkpoint> lastAssigned, int budget) {
            this.lastAssigned = lastAssigned;
            this.budget = budget;
        }

        private boolean waits(UUID story, Checkpoint end) {
            Checkpoint last = lastAssigned.get(story);
            return last != null && last.isAfter(end);
        }

        /** Keeps the batch's parsed articles of the stories that wait, as far as the budget allows. */
        private void hold(BatchArticles batch, Set<UUID> stories) {
            owed.addAll(stories);
            batch.parsed.forEach((articleId, cached) -> {
                if (held.size() < budget && stories.contains(batch.rows.get(articleId).storyId)) {
                    held.put(articleId, cached);
                }
            });
        }

        /** Stories that waited and have not been built since: none, once the whole log is applied. */
        public Set<UUID> owed() {
            return owed;
        }
    }

    /**
     * @param lastAssigned where each story's last assignment event is in the log, as {@link
     *                     org.newsroom.events.EventStore#lastAssignments} finds it before the replay reads
     * @param budget       how many parsed articles of waiting stories to hold at most
     */
    public Waiting waiting(Map<UUID, Checkpoint> lastAssigned, int budget) {
        return new Waiting(lastAssigned, budget);
    }

    /**
     * {@link #prepare(List, boolean)} on {@code into}'s rows, leaving out the views of the stories that wait for a
     * later batch: their rows are written, their parsed articles held, and their views left for the batch of their
     * last article.
     */
    public Prepared prepare(List<RecordedEvent> batch, boolean remember, Waiting waiting, ProjectionRows into) {
        long started = System.nanoTime();
        BatchArticles rows = new BatchArticles(batch, remember, into);
        Map<UUID, RecordedEvent> assignedStories = new TreeMap<>();
        for (RecordedEvent recorded : batch) {
            if (recorded.metadata().correlationId() != null) {
                MDC.put("articleId", recorded.metadata().correlationId().toString());
            }
            try {
                apply(recorded, rows);
            } finally {
                MDC.remove("articleId");
            }
            if (recorded.event() instanceof ArticleAssignedToStory a) {
                assignedStories.put(a.storyId(), recorded);
            }
        }
        rows.write();
        Checkpoint end = batch.isEmpty() ? Checkpoint.START : Checkpoint.at(batch.get(batch.size() - 1));
        Set<UUID> waits = new HashSet<>();
        for (Iterator<UUID> ids = assignedStories.keySet().iterator(); ids.hasNext(); ) {
            UUID story = ids.next();
            if (waiting.waits(story, end)) {
                ids.remove();
                waits.add(story);
            }
        }
        waiting.hold(rows, waits);
        waiting.owed.removeAll(assignedStories.keySet());
        long applied = System.nanoTime();
        // The batch's stories and their articles' revisions in two lookups (two queries, live), not two per story.
        Map<UUID, StoryViewEntity> stories = into.stories(assignedStories.keySet());
        Map<UUID, List<Revision>> revisions = into.revisions(assignedStories.keySet());
        List<Pending> pending = new ArrayList<>();
        assignedStories.forEach((storyId, last) -> pending.add(pending(into, stories.get(storyId), storyId, last,
                articlesOf(revisions.getOrDefault(storyId, List.of()), rows, waiting))));
        // The rows exist from here on: the views are stored into them.
        into.flush();
        return new Prepared(batch.size(), pending, remember, into, applied - started, System.nanoTime() - applied);
    }

    /**
     * The second step: every view built, in parallel, one thread per core. Pure: it reads only what {@link #prepare}
     * gathered, so it may run while the connection stores an earlier batch.
     */
    public Built build(Prepared prepared) {
        long started = System.nanoTime();
        List<Pending> pending = prepared.pending();
        boolean remember = prepared.remember();
        List<Story> built = pending.size() == 1 ? List.of(build(pending.get(0), remember))
                : BUILDERS.submit(() -> pending.parallelStream().map(p -> build(p, remember)).toList()).join();
        return new Built(prepared, built, System.nanoTime() - started);
    }

    /**
     * {@link #build(Prepared)} without waiting: each view is a task of its own for the builders, so that the views of
     * the next batch are built beside the last ones of this one, instead of after the largest of them.
     */
    public CompletableFuture<Built> buildAsync(Prepared prepared) {
        long started = System.nanoTime();
        boolean remember = prepared.remember();
        List<CompletableFuture<Story>> views = new ArrayList<>(prepared.pending().size());
        for (Pending p : prepared.pending()) {
            views.add(CompletableFuture.supplyAsync(() -> build(p, remember), BUILDERS));
        }
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(done ->
                new Built(prepared, views.stream().map(CompletableFuture::join).toList(), System.nanoTime() - started));
    }

    /** The last step: the views stored into the rows they were prepared on, on the caller's transaction. */
    public void store(Built built) {
        long started = System.nanoTime();
        List<Story> stories = built.stories();
        if (!stories.isEmpty()) {
            List<ProjectionRows.StoredView> views = new ArrayList<>(stories.size());
            for (Story story : stories) {
                views.add(new ProjectionRows.StoredView(story.input().story(), figures(story), story.chunks()));
            }
            Session session = StoryViewEntity.getEntityManager().unwrap(Session.class);
            session.doWork(c -> built.prepared().rows().storeViews(c, views, built.prepared().remember()));
        }
        if (LOG.isDebugEnabled()) {
            Prepared p = built.prepared();
            LOG.debugf("batch of %d events: rows %.1f ms, story articles %.1f ms, %d views built %.1f ms "
                            + "(largest %d articles), stored %.1f ms", p.events(), p.rowNanos() / 1e6,
                    p.readNanos() / 1e6, stories.size(), built.buildNanos() / 1e6,
                    p.pending().stream().mapToInt(x -> x.articles().size()).max().orElse(0),
                    (System.nanoTime() - started) / 1e6);
        }
    }

    /** A story whose view the batch changed, with its articles. */
    private record Pending(StoryViewEntity story, RecordedEvent last, List<StoryArticle> articles) {
    }

    /** A batch applied to the rows, its views not built yet. */
    public record Prepared(int events, List<Pending> pending, boolean remember, ProjectionRows rows, long rowNanos,
                           long readNanos) {
    }

    /** A batch's views, built and not stored yet. */
    public record Built(Prepared prepared, List<Story> stories, long buildNanos) {
    }

    private record Story(Pending input, StoryView view, ViewChunks.Plan chunks) {
    }

    private void apply(RecordedEvent recorded, BatchArticles rows) {
        // Java 17 has no pattern switch; keep one branch per permitted type of StoryEvent.
        StoryEvent event = recorded.event();
        if (event instanceof StoryOpened e) {
            newStory(rows.into, e.storyId(), e.headline(), recorded);
        } else if (event instanceof ArticleIngested e) {
            rows.ingested(recorded, e);
        } else if (event instanceof ClaimsExtracted e) {
            rows.extracted(recorded, e);
        } else if (event instanceof Unknown e) {
            LOG.warnf("projection skips unknown event type %s at position %d", e.type(), recorded.position());
        }
    }

    private static StoryViewEntity newStory(ProjectionRows into, UUID storyId, String headline,
                                            RecordedEvent recorded) {
        StoryViewEntity story = new StoryViewEntity();
        story.storyId = storyId;
        story.headline = headline;
        story.firstPublishedAt = recorded.recordedAt();
        story.updatedAt = recorded.recordedAt();
        story.version = recorded.streamVersion();
        story.position = recorded.position();
        into.addStory(story);
        return story;
    }

    /**
     * The article rows a batch touches: the existing ones read in one query, new ones persisted once at the end. The
     * rows only point at the article's events; the text comes from the batch's ArticleIngested event, or is read
     * back from the log when the claims arrive in a later batch than the text.
     */
    private final class BatchArticles {
        private final Map<UUID, ArticleViewEntity> rows = new HashMap<>();
        private final Map<UUID, ArticleIngested> texts = new HashMap<>();
        private final Set<UUID> created = new LinkedHashSet<>();
        /** The articles whose claims came in this batch, as the builder reads them. */
        private final Map<UUID, Cached> parsed = new HashMap<>();
        private final boolean remember;
        private final ProjectionRows into;

        BatchArticles(List<RecordedEvent> batch, boolean remember, ProjectionRows into) {
            this.remember = remember;
            this.into = into;
            Set<UUID> ids = new HashSet<>();
            for (RecordedEvent recorded : batch) {
                if (recorded.event() instanceof ArticleIngested e) {
                    ids.add(e.articleId());
                } else if (recorded.event() instanceof ClaimsExtracted e) {
                    ids.add(e.articleId());
                }
            }
            rows.putAll(into.articles(ids));
        }

        void ingested(RecordedEvent recorded, ArticleIngested e) {
            ArticleViewEntity article = rows.computeIfAbsent(e.articleId(), id -> {
                ArticleViewEntity row = new ArticleViewEntity();
                row.articleId = id;
                created.add(id);
                return row;
            });
            article.storyId = UUID.fromString(recorded.streamId().substring("story-".length()));
            article.outlet = e.outlet();
            article.title = e.title();
            article.url = e.url();
            article.publishedAt = e.publishedAt();
            article.revision = e.revision();
            article.position = recorded.position();
            article.claimsPosition = null;
            texts.put(e.articleId(), e);
        }

        void extracted(RecordedEvent recorded, ClaimsExtracted e) {
            ArticleViewEntity article = rows.get(e.articleId());
            if (article == null || article.revision != e.revision()) {
                LOG.warnf("claims for unknown revision %d of article %s skipped", e.revision(), e.articleId());
                return;
            }
            article.claimsPosition = recorded.position();
            ArticleIngested text = texts.get(e.articleId());
            if (text == null) {
                text = articleEvents.of(article).ingested();
            }
            Cached cached = new Cached(article.revision, storyArticle(article, text, e));
            parsed.put(article.articleId, cached);
            if (remember) {
                articles.put(article.articleId, cached);
            }
        }

        /** Adds the new rows; the changes to the others are kept as they are made. */
        void write() {
            created.forEach(id -> into.addArticle(rows.get(id)));
        }
    }

    /**
     * The story (null if its stream has no StoryOpened yet) and its articles, to view as of {@code last}, the latest
     * assignment event of the batch in its stream.
     */
    private static Pending pending(ProjectionRows into, StoryViewEntity story, UUID storyId, RecordedEvent last,
                                   List<StoryArticle> rows) {
        if (story == null) {
            // A stream written without StoryOpened (by another producer) still gets a view, named after an article.
            story = newStory(into, storyId, rows.isEmpty() || rows.get(0).title() == null ? "Untitled story"
                    : rows.get(0).title(), last);
        }
        return new Pending(story, last, rows);
    }

    private Story build(Pending p, boolean remember) {
        // Articles that are not remembered are parsed again for a next build: new objects, which nothing would find.
        StoryView view = builder.build(p.story().storyId, p.story().headline, p.last().streamVersion(),
                p.last().recordedAt(), p.articles(), remember);
        return new Story(p, view, chunks.plan(p.story().storyId, p.story().position, json.writePieces(view, remember),
                p.last().position()));
    }

    /** What the built view gives its story row. */
    private static ProjectionRows.Figures figures(Story built) {
        StoryViewEntity story = built.input().story();
        RecordedEvent last = built.input().last();
        List<StoryArticle> rows = built.input().articles();
        Set<String> outlets = new TreeSet<>();
        rows.forEach(r -> outlets.add(r.outlet()));
        Instant firstPublished = rows.stream().map(StoryArticle::publishedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(story.firstPublishedAt);
        return new ProjectionRows.Figures(rows.size(), outlets.size(), built.view().claims().size(),
                built.view().contradictions().size(), firstPublished, last.recordedAt(), last.streamVersion(),
                last.position());
    }

    /**
     * A story's articles at their current revisions: from the batch, the cache and what a replay held for the story,
     * reading only the ones they lack.
     */
    private List<StoryArticle> articlesOf(List<Revision> revisions, BatchArticles batch, Waiting waiting) {
        List<StoryArticle> result = new ArrayList<>(revisions.size());
        List<UUID> missing = new ArrayList<>();
        for (Revision row : revisions) {
            // The story is built now: what was held for it is let go, whichever of these finds the article.
            Cached held = waiting.held.remove(row.articleId());
            Cached cached = batch.parsed.get(row.articleId());
            if (cached == null || cached.revision() != row.revision()) {
                cached = articles.get(row.articleId());
            }
            if (cached == null || cached.revision() != row.revision()) {
                cached = held;
            }
            if (cached != null && cached.revision() == row.revision()) {
                result.add(cached.article());
            } else {
                missing.add(row.articleId());
            }
        }
        if (!missing.isEmpty()) {
            Collection<ArticleViewEntity> rows = batch.into.articles(missing).values();
            Map<UUID, ArticleEvents.Article> events = articleEvents.of(rows);
            for (ArticleViewEntity row : rows) {
                ArticleEvents.Article a = events.get(row.articleId);
                StoryArticle article = storyArticle(row, a.ingested(), a.extracted());
                if (a.extracted() != null && batch.remember) {
                    articles.put(row.articleId, new Cached(row.revision, article));
                }
                result.add(article);
            }
        }
        return result;
    }

    /** The article as the builder reads it; an article whose claims are not in yet has none. */
    private static StoryArticle storyArticle(ArticleViewEntity row, ArticleIngested text, ClaimsExtracted claims) {
        return new StoryArticle(row.articleId, row.outlet, row.title, row.url, row.publishedAt, text.text(),
                text.wireCredits(), claims == null ? List.of() : claims.claims(),
                claims == null ? List.of() : claims.entities());
    }
}
