package org.newsroom.query.projection;

import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where the projection finds and keeps the article and story rows it applies events to, and stores the views it
 * built. The live projector works on the read model itself ({@link ManagedRows}); a rebuild fills a fresh one.
 * Each method runs on the caller's transaction.
 */
public interface ProjectionRows {

    /** The rows of these articles that exist, by article id. */
    Map<UUID, ArticleViewEntity> articles(Collection<UUID> ids);

    /** The rows of these stories that exist, by story id. */
    Map<UUID, StoryViewEntity> stories(Collection<UUID> ids);

    /** The current revision of each article row of these stories, by story id. */
    Map<UUID, List<Revision>> revisions(Collection<UUID> storyIds);

    /** A new article row; later changes to it are kept too. */
    void addArticle(ArticleViewEntity row);

    /** A new story row; later changes to it are kept too. */
    void addStory(StoryViewEntity story);

    /** What was added or changed is written, so that the views may be stored after it. */
    void flush();

    /**
     * The built views: each story row's figures, and the chunks of its view as {@code plan} says, on {@code c}.
     *
     * @param remember whether the chunks may be remembered for the next version of the views once committed
     */
    void storeViews(Connection c, List<StoredView> views, boolean remember) throws SQLException;

    /** An article row's current revision. */
    record Revision(UUID articleId, int revision) {
    }

    /** The figures a view gives its story row, and how its JSON is stored. */
    record StoredView(StoryViewEntity story, Figures figures, ViewChunks.Plan plan) {
    }

    /** What the story list shows of a story, as of its last assignment event. */
    record Figures(int articleCount, int outletCount, int claimCount, int contradictionCount,
                   Instant firstPublishedAt, Instant updatedAt, int version, long position) {

        /** Sets them on the row. */
        public void applyTo(StoryViewEntity story) {
            story.articleCount = articleCount;
            story.outletCount = outletCount;
            story.claimCount = claimCount;
            story.contradictionCount = contradictionCount;
            story.firstPublishedAt = firstPublishedAt;
            story.updatedAt = updatedAt;
            story.version = version;
            story.position = position;
        }
    }
}
