package org.newsroom.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleAssignedToStory;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.StoryOpened;
import org.newsroom.events.StoryEvent.Unknown;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.StoryView;
import org.newsroom.query.view.StoryViewBuilder;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies events to the read model. Runs inside the caller's transaction, which also moves the checkpoint,
 * so an event is applied exactly once. Each story touched by a batch has its view rebuilt once, at the end of the
 * batch, from the current revisions of its articles.
 */
@ApplicationScoped
public class StoryProjection {

    private static final Logger LOG = Logger.getLogger(StoryProjection.class);

    private final ViewJson json;
    private final StoryViewBuilder builder = new StoryViewBuilder();

    public StoryProjection(ViewJson json) {
        this.json = json;
    }

    /** Applies a batch of events in log order, then rebuilds the view of every story an article joined. */
    public void apply(List<RecordedEvent> batch) {
        Map<UUID, RecordedEvent> assignedStories = new TreeMap<>();
        for (RecordedEvent recorded : batch) {
            if (recorded.metadata().correlationId() != null) {
                MDC.put("articleId", recorded.metadata().correlationId().toString());
            }
            try {
                apply(recorded);
            } finally {
                MDC.remove("articleId");
            }
            if (recorded.event() instanceof ArticleAssignedToStory a) {
                assignedStories.put(a.storyId(), recorded);
            }
        }
        assignedStories.forEach(this::rebuildView);
    }

    private void apply(RecordedEvent recorded) {
        // Java 17 has no pattern switch; keep one branch per permitted type of StoryEvent.
        StoryEvent event = recorded.event();
        if (event instanceof StoryOpened e) {
            opened(recorded, e);
        } else if (event instanceof ArticleIngested e) {
            ingested(recorded, e);
        } else if (event instanceof ClaimsExtracted e) {
            extracted(e);
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
        story.body = "{}";
        story.persist();
        return story;
    }

    private void ingested(RecordedEvent recorded, ArticleIngested e) {
        ArticleViewEntity article = ArticleViewEntity.findById(e.articleId());
        if (article == null) {
            article = new ArticleViewEntity();
            article.articleId = e.articleId();
        }
        article.storyId = UUID.fromString(recorded.streamId().substring("story-".length()));
        article.outlet = e.outlet();
        article.title = e.title();
        article.url = e.url();
        article.publishedAt = e.publishedAt();
        article.revision = e.revision();
        article.position = recorded.position();
        article.body = json.write(new ArticleBody(e.text(), e.dateline(), e.wireCredits(), List.of(), List.of()));
        article.persist();
    }

    private void extracted(ClaimsExtracted e) {
        ArticleViewEntity article = ArticleViewEntity.findById(e.articleId());
        if (article == null || article.revision != e.revision()) {
            LOG.warnf("claims for unknown revision %d of article %s skipped", e.revision(), e.articleId());
            return;
        }
        ArticleBody body = json.read(article.body, ArticleBody.class);
        article.body = json.write(new ArticleBody(body.text(), body.dateline(), body.wireCredits(), e.claims(), e.entities()));
    }

    /** The story's view as of {@code last}, the latest assignment event of the batch in its stream. */
    private void rebuildView(UUID storyId, RecordedEvent last) {
        List<ArticleViewEntity> rows = ArticleViewEntity.ofStory(storyId);
        StoryViewEntity story = StoryViewEntity.findById(storyId);
        if (story == null) {
            // A stream written without StoryOpened (by another producer) still gets a view, named after an article.
            story = newStory(storyId, rows.isEmpty() || rows.get(0).title == null ? "Untitled story" : rows.get(0).title,
                    last);
        }
        StoryView view = builder.build(storyId, story.headline, last.streamVersion(), last.recordedAt(),
                rows.stream().map(this::storyArticle).toList());
        Set<String> outlets = new TreeSet<>();
        rows.forEach(r -> outlets.add(r.outlet));
        story.articleCount = rows.size();
        story.outletCount = outlets.size();
        story.claimCount = view.claims().size();
        story.contradictionCount = view.contradictions().size();
        story.firstPublishedAt = rows.stream().map(r -> r.publishedAt).min(Comparator.naturalOrder())
                .orElse(story.firstPublishedAt);
        story.updatedAt = last.recordedAt();
        story.version = last.streamVersion();
        story.position = last.position();
        story.body = json.write(view);
    }

    private StoryArticle storyArticle(ArticleViewEntity row) {
        ArticleBody body = json.read(row.body, ArticleBody.class);
        return new StoryArticle(row.articleId, row.outlet, row.title, row.url, row.publishedAt, body.text(),
                body.wireCredits(), body.claims(), body.entities());
    }
}
