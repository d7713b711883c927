package org.newsroom.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read model's own rows, through Hibernate: read in one query per kind and batch, new ones persisted, changed
 * ones flushed with the transaction. The live projector's rows.
 */
@ApplicationScoped
public class ManagedRows implements ProjectionRows {

    private final ViewChunks chunks;

    public ManagedRows(ViewChunks chunks) {
        this.chunks = chunks;
    }

    @Override
    public Map<UUID, ArticleViewEntity> articles(Collection<UUID> ids) {
        Map<UUID, ArticleViewEntity> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            ArticleViewEntity.<ArticleViewEntity>list("articleId in ?1", ids).forEach(r -> rows.put(r.articleId, r));
        }
        return rows;
    }

    @Override
    public Map<UUID, StoryViewEntity> stories(Collection<UUID> ids) {
        Map<UUID, StoryViewEntity> stories = new HashMap<>();
        if (!ids.isEmpty()) {
            StoryViewEntity.<StoryViewEntity>list("storyId in ?1", ids).forEach(s -> stories.put(s.storyId, s));
        }
        return stories;
    }

    @Override
    public Map<UUID, List<Revision>> revisions(Collection<UUID> storyIds) {
        Map<UUID, List<Revision>> revisions = new HashMap<>();
        if (!storyIds.isEmpty()) {
            ArticleViewEntity.getEntityManager().createQuery("""
                            select a.storyId, a.articleId, a.revision from ArticleViewEntity a
                            where a.storyId in ?1""", Object[].class)
                    .setParameter(1, storyIds).getResultList()
                    .forEach(r -> revisions.computeIfAbsent((UUID) r[0], id -> new ArrayList<>())
                            .add(new Revision((UUID) r[1], (int) r[2])));
        }
        return revisions;
    }

    @Override
    public void addArticle(ArticleViewEntity row) {
        row.persist();
    }

    @Override
    public void addStory(StoryViewEntity story) {
        story.persist();
    }

    @Override
    public void flush() {
        StoryViewEntity.getEntityManager().flush();
    }

    /** The story rows' figures with plain SQL (the entities may be detached by now), then the chunks. */
    @Override
    public void storeViews(Connection c, List<StoredView> views, boolean remember) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE story_view SET article_count = ?, outlet_count = ?, claim_count = ?, contradiction_count = ?,
                       first_published_at = ?, updated_at = ?, version = ?, position = ?
                WHERE story_id = ?""")) {
            for (StoredView view : views) {
                Figures f = view.figures();
                update.setInt(1, f.articleCount());
                update.setInt(2, f.outletCount());
                update.setInt(3, f.claimCount());
                update.setInt(4, f.contradictionCount());
                update.setObject(5, f.firstPublishedAt().atOffset(ZoneOffset.UTC));
                update.setObject(6, f.updatedAt().atOffset(ZoneOffset.UTC));
                update.setInt(7, f.version());
                update.setLong(8, f.position());
                update.setObject(9, view.story().storyId);
                update.addBatch();
            }
            update.executeBatch();
        }
        chunks.write(c, views.stream().map(StoredView::plan).toList(), remember);
    }
}
