package org.newsroom.query.admin;

import org.newsroom.query.projection.ProjectionRows;
import org.newsroom.query.projection.ViewChunks;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A replay's article and story rows, kept in memory while the log is replayed and written once at the end into the
 * fresh read model ({@link FreshReadModel}), with {@code COPY}. Nothing is read from the database: the replay started
 * from nothing, so every row it has is here. The views' chunks go into the fresh chunk table batch by batch.
 */
final class ReplayRows implements ProjectionRows {

    static final String ARTICLES = "article_view";
    static final String STORIES = "story_view";
    static final String CHUNKS = "story_view_chunk";

    private final Map<UUID, ArticleViewEntity> articles = new HashMap<>();
    private final Map<UUID, StoryViewEntity> stories = new LinkedHashMap<>();
    /** Each story's article ids, as of the last flush. */
    private final Map<UUID, Set<UUID>> storyArticles = new HashMap<>();
    /** The story each article is filed under in {@link #storyArticles}. */
    private final Map<UUID, UUID> filedUnder = new HashMap<>();
    /** Rows handed out or added since the last flush: the ones whose story may have changed. */
    private final List<ArticleViewEntity> touched = new ArrayList<>();
    /** The chunk ids of each story's stored view, in order, and the next id free for it. */
    private final Map<UUID, int[]> chunkIds = new HashMap<>();
    private final Map<UUID, Integer> nextChunkId = new HashMap<>();
    /** Chunks inserted for an earlier view of a story that the replay built again: deleted at the end. */
    private final Map<UUID, int[]> superseded = new LinkedHashMap<>();

    @Override
    public Map<UUID, ArticleViewEntity> articles(Collection<UUID> ids) {
        Map<UUID, ArticleViewEntity> found = new HashMap<>();
        for (UUID id : ids) {
            ArticleViewEntity row = articles.get(id);
            if (row != null) {
                found.put(id, row);
                touched.add(row);
            }
        }
        return found;
    }

    @Override
    public Map<UUID, StoryViewEntity> stories(Collection<UUID> ids) {
        Map<UUID, StoryViewEntity> found = new HashMap<>();
        for (UUID id : ids) {
            StoryViewEntity story = stories.get(id);
            if (story != null) {
                found.put(id, story);
            }
        }
        return found;
    }

    @Override
    public Map<UUID, List<Revision>> revisions(Collection<UUID> storyIds) {
        flush(); // as Hibernate flushes before a query: the batch's own rows count
        Map<UUID, List<Revision>> revisions = new HashMap<>();
        for (UUID story : storyIds) {
            Set<UUID> ids = storyArticles.get(story);
            if (ids != null) {
                List<Revision> list = new ArrayList<>(ids.size());
                ids.forEach(id -> list.add(new Revision(id, articles.get(id).revision)));
                revisions.put(story, list);
            }
        }
        return revisions;
    }

    @Override
    public void addArticle(ArticleViewEntity row) {
        if (articles.putIfAbsent(row.articleId, row) != null) {
            throw new IllegalStateException("article row " + row.articleId + " added twice");
        }
        touched.add(row);
    }

    @Override
    public void addStory(StoryViewEntity story) {
        if (stories.putIfAbsent(story.storyId, story) != null) {
            throw new IllegalStateException("story row " + story.storyId + " added twice");
        }
    }

    /** Files the rows touched since the last flush under their stories. */
    @Override
    public void flush() {
        for (ArticleViewEntity row : touched) {
            UUID before = filedUnder.put(row.articleId, row.storyId);
            if (before != null && !before.equals(row.storyId)) {
                storyArticles.get(before).remove(row.articleId);
            }
            storyArticles.computeIfAbsent(row.storyId, id -> new LinkedHashSet<>()).add(row.articleId);
        }
        touched.clear();
    }

    /**
     * Sets the figures on the story rows and copies the views' chunks into the fresh chunk table. A story built a
     * second time (its articles kept coming while the log was replayed) has its new chunks numbered after the old
     * ones, which are deleted at the end.
     */
    @Override
    public void storeViews(Connection c, List<StoredView> views, boolean remember) throws SQLException {
        List<ViewChunks.Plan> plans = new ArrayList<>(views.size());
        for (StoredView view : views) {
            UUID story = view.story().storyId;
            view.figures().applyTo(view.story());
            ViewChunks.Plan plan = view.plan();
            int[] before = chunkIds.get(story);
            if (before != null) {
                int[] old = superseded.getOrDefault(story, new int[0]);
                int[] all = Arrays.copyOf(old, old.length + before.length);
                System.arraycopy(before, 0, all, old.length, before.length);
                superseded.put(story, all);
                plan = plan.shifted(nextChunkId.get(story));
            }
            int next = 0;
            for (int id : plan.ids()) {
                next = Math.max(next, id + 1);
            }
            nextChunkId.put(story, next);
            chunkIds.put(story, plan.ids());
            plans.add(plan);
        }
        ViewChunks.copy(c, FreshReadModel.fresh(CHUNKS), plans);
    }

    /** Writes the rows into the fresh tables, and deletes the chunks of views built again. */
    void finish(Connection c) throws SQLException {
        if (!superseded.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + FreshReadModel.fresh(CHUNKS)
                    + " WHERE story_id = ? AND chunk_id = ANY (?)")) {
                for (Map.Entry<UUID, int[]> e : superseded.entrySet()) {
                    ps.setObject(1, e.getKey());
                    ps.setArray(2, c.createArrayOf("int4", Arrays.stream(e.getValue()).boxed().toArray()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        CopyText rows = new CopyText();
        for (StoryViewEntity s : stories.values()) {
            rows.uuid(s.storyId).text(s.headline).number(s.articleCount).number(s.outletCount).number(s.claimCount)
                    .number(s.contradictionCount).time(s.firstPublishedAt).time(s.updatedAt).number(s.version)
                    .number(s.position).ints(chunkIds.get(s.storyId)).end();
        }
        rows.copy(c, "COPY " + FreshReadModel.fresh(STORIES) + " (story_id, headline, article_count, outlet_count, "
                + "claim_count, contradiction_count, first_published_at, updated_at, version, position, chunks) "
                + "FROM STDIN (FREEZE)");
        rows = new CopyText();
        for (ArticleViewEntity a : articles.values()) {
            rows.uuid(a.articleId).uuid(a.storyId).text(a.outlet).text(a.title).text(a.url).time(a.publishedAt)
                    .number(a.revision).number(a.position).number(a.claimsPosition).end();
        }
        rows.copy(c, "COPY " + FreshReadModel.fresh(ARTICLES) + " (article_id, story_id, outlet, title, url, "
                + "published_at, revision, position, claims_position) FROM STDIN (FREEZE)");
    }

    /** Rows in COPY's text format: fields separated by tabs, {@code \N} for null, backslash escapes. */
    static final class CopyText {
        private final StringBuilder out = new StringBuilder(1 << 16);
        private boolean first = true;

        private StringBuilder next() {
            if (!first) {
                out.append('\t');
            }
            first = false;
            return out;
        }

        CopyText text(String value) {
            StringBuilder b = next();
            if (value == null) {
                b.append("\\N");
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                switch (ch) {
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(ch);
                }
            }
            return this;
        }

        CopyText uuid(UUID value) {
            return text(value == null ? null : value.toString());
        }

        CopyText number(Number value) {
            return text(value == null ? null : value.toString());
        }

        /** An instant at PostgreSQL's precision, rounded half up to the microsecond as the JDBC driver does. */
        CopyText time(Instant value) {
            return text(value == null ? null : value.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString());
        }

        /** An {@code integer[]}. */
        CopyText ints(int[] values) {
            if (values == null) {
                return text(null);
            }
            StringBuilder b = next().append('{');
            for (int i = 0; i < values.length; i++) {
                b.append(i == 0 ? "" : ",").append(values[i]);
            }
            b.append('}');
            return this;
        }

        CopyText end() {
            out.append('\n');
            first = true;
            return this;
        }

        void copy(Connection c, String sql) throws SQLException {
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql,
                        new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new SQLException("could not copy the rebuilt rows", e);
            }
        }
    }
}
