package org.newsroom.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleAssignedToStory;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.StoryOpened;
import org.newsroom.events.StoryEvent.Unknown;
import org.newsroom.query.readmodel.ArticleEvents;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryViewBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
    private final StoryViewBuilder builder = new StoryViewBuilder();
    private final Map<UUID, Cached> articles;

    /**
     * @param cachedArticles how many parsed articles to keep between batches: a story's view is rebuilt from all its
     *                       articles each time one joins, and parsing them again would cost more than the build
     */
    public StoryProjection(ViewJson json, ArticleEvents articleEvents, ViewChunks chunks,
                           @ConfigProperty(name = "newsroom.projection.cached-articles", defaultValue = "5000")
                           int cachedArticles) {
        this.json = json;
        this.articleEvents = articleEvents;
        this.chunks = chunks;
        this.articles = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
                return size() > cachedArticles;
            }
        });
    }

    /** Applies a batch of events in log order, then rebuilds the view of every story an article joined. */
    public void apply(List<RecordedEvent> batch) {
        long started = System.nanoTime();
        BatchArticles rows = new BatchArticles(batch);
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
        long applied = System.nanoTime();
        List<Pending> pending = new ArrayList<>();
        assignedStories.forEach((storyId, last) -> pending.add(pending(storyId, last)));
        long read = System.nanoTime();
        // The builds are pure and independent: they share the cores; reading and writing stay on this thread.
        List<Built> built = pending.size() == 1 ? List.of(build(pending.get(0)))
                : BUILDERS.submit(() -> pending.parallelStream().map(this::build).toList()).join();
        long builtAt = System.nanoTime();
        built.forEach(StoryProjection::store);
        if (!built.isEmpty()) {
            // The story rows first: the chunk list is written into them.
            Session session = StoryViewEntity.getEntityManager().unwrap(Session.class);
            session.flush();
            session.doWork(c -> chunks.write(c, built.stream().map(Built::chunks).toList()));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("batch of %d events: rows %.1f ms, story articles %.1f ms, %d views built %.1f ms "
                            + "(largest %d articles)", batch.size(), (applied - started) / 1e6, (read - applied) / 1e6,
                    built.size(), (builtAt - read) / 1e6,
                    pending.stream().mapToInt(p -> p.articles().size()).max().orElse(0));
        }
    }

    /** A story whose view the batch changed, with its articles. */
    private record Pending(StoryViewEntity story, RecordedEvent last, List<StoryArticle> articles) {
    }

    private record Built(Pending input, StoryView view, ViewChunks.Plan chunks) {
    }

    private void apply(RecordedEvent recorded, BatchArticles rows) {
        // Java 17 has no pattern switch; keep one branch per permitted type of StoryEvent.
        StoryEvent event = recorded.event();
        if (event instanceof StoryOpened e) {
            opened(recorded, e);
        } else if (event instanceof ArticleIngested e) {
            rows.ingested(recorded, e);
        } else if (event instanceof ClaimsExtracted e) {
            rows.extracted(recorded, e);
        } else if (event instanceof Unknown e) {
            LOG.warnf("projection skips unknown event type %s at position %d", e.type(), recorded.position());
        }
    }

    private void opened(RecordedEvent recorded, StoryOpened e) {
        newStory(e.storyId(), e.headline(), recorded);
    }

    private static StoryViewEntity newStory(UUID storyId, String headline, RecordedEvent recorded) {
        StoryViewEntity story = new StoryViewEntity();
        story.storyId = storyId;
        story.headline = headline;
        story.firstPublishedAt = recorded.recordedAt();
        story.updatedAt = recorded.recordedAt();
        story.version = recorded.streamVersion();
        story.position = recorded.position();
        story.persist();
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

        BatchArticles(List<RecordedEvent> batch) {
            Set<UUID> ids = new HashSet<>();
            for (RecordedEvent recorded : batch) {
                if (recorded.event() instanceof ArticleIngested e) {
                    ids.add(e.articleId());
                } else if (recorded.event() instanceof ClaimsExtracted e) {
                    ids.add(e.articleId());
                }
            }
            if (!ids.isEmpty()) {
                ArticleViewEntity.<ArticleViewEntity>list("articleId in ?1", ids).forEach(r -> rows.put(r.articleId, r));
            }
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
            articles.put(article.articleId, new Cached(article.revision, storyArticle(article, text, e)));
        }

        /** Persists the new rows; the others are managed and flushed with the transaction. */
        void write() {
            created.forEach(id -> rows.get(id).persist());
        }
    }

    /** The story and its articles, to view as of {@code last}, the latest assignment event of the batch in its stream. */
    private Pending pending(UUID storyId, RecordedEvent last) {
        List<StoryArticle> rows = articlesOf(storyId);
        StoryViewEntity story = StoryViewEntity.findById(storyId);
        if (story == null) {
            // A stream written without StoryOpened (by another producer) still gets a view, named after an article.
            story = newStory(storyId, rows.isEmpty() || rows.get(0).title() == null ? "Untitled story"
                    : rows.get(0).title(), last);
        }
        return new Pending(story, last, rows);
    }

    private Built build(Pending p) {
        StoryView view = builder.build(p.story().storyId, p.story().headline, p.last().streamVersion(),
                p.last().recordedAt(), p.articles());
        return new Built(p, view, chunks.plan(p.story().storyId, p.story().position, json.writePieces(view),
                p.last().position()));
    }

    private static void store(Built built) {
        StoryViewEntity story = built.input().story();
        RecordedEvent last = built.input().last();
        List<StoryArticle> rows = built.input().articles();
        StoryView view = built.view();
        Set<String> outlets = new TreeSet<>();
        rows.forEach(r -> outlets.add(r.outlet()));
        story.articleCount = rows.size();
        story.outletCount = outlets.size();
        story.claimCount = view.claims().size();
        story.contradictionCount = view.contradictions().size();
        story.firstPublishedAt = rows.stream().map(StoryArticle::publishedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(story.firstPublishedAt);
        story.updatedAt = last.recordedAt();
        story.version = last.streamVersion();
        story.position = last.position();
    }

    /** The story's articles at their current revisions: from the cache, reading only the ones it lacks. */
    private List<StoryArticle> articlesOf(UUID storyId) {
        List<Object[]> revisions = ArticleViewEntity.getEntityManager().createQuery(
                "select a.articleId, a.revision from ArticleViewEntity a where a.storyId = ?1", Object[].class)
                .setParameter(1, storyId).getResultList();
        List<StoryArticle> result = new ArrayList<>(revisions.size());
        List<UUID> missing = new ArrayList<>();
        for (Object[] row : revisions) {
            Cached cached = articles.get((UUID) row[0]);
            if (cached != null && cached.revision() == (int) row[1]) {
                result.add(cached.article());
            } else {
                missing.add((UUID) row[0]);
            }
        }
        if (!missing.isEmpty()) {
            List<ArticleViewEntity> rows = ArticleViewEntity.list("articleId in ?1", missing);
            Map<UUID, ArticleEvents.Article> events = articleEvents.of(rows);
            for (ArticleViewEntity row : rows) {
                ArticleEvents.Article a = events.get(row.articleId);
                StoryArticle article = storyArticle(row, a.ingested(), a.extracted());
                if (a.extracted() != null) {
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
