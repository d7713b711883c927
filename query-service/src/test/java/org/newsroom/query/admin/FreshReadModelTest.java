package org.newsroom.query.admin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.localpg.PostgresTestResource;
import org.newsroom.query.projection.ProjectionRows;
import org.newsroom.query.projection.ViewChunks;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fresh read model a rebuild fills and swaps in: what it carries over, and the rows it writes. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FreshReadModelTest {

    @Inject
    AgroalDataSource dataSource;

    /** Everything the catalog says about the read model, one line per fact, sorted. */
    private static final String CATALOG = """
            SELECT string_agg(fact, E'\\n' ORDER BY fact) FROM (
                SELECT 'index ' || indexdef FROM pg_indexes
                WHERE tablename IN ('story_view_chunk', 'story_view', 'article_view')
              UNION ALL
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE conrelid = ANY ('{story_view_chunk,story_view,article_view}'::regclass[])
              UNION ALL
                SELECT 'column ' || attrelid::regclass || '.' || attname || ' ' || format_type(atttypid, atttypmod)
                       || ' not null ' || attnotnull || ' storage ' || attstorage::text || ' '
                       || coalesce(col_description(attrelid, attnum), '')
                FROM pg_attribute
                WHERE attrelid = ANY ('{story_view_chunk,story_view,article_view}'::regclass[]) AND attnum > 0
                  AND NOT attisdropped
              UNION ALL
                SELECT 'relation ' || relname || ' ' || coalesce(obj_description(oid, 'pg_class'), '') || ' '
                       || coalesce(relacl::text, '')
                FROM pg_class WHERE relname IN ('story_view_chunk', 'story_view', 'article_view', 'story_view_body')
              UNION ALL
                SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE viewname = 'story_view_body'
              UNION ALL
                SELECT 'leftover ' || relname FROM pg_class WHERE relname LIKE '%\\_rebuilt%'
            ) facts(fact)""";

    @Test
    void aRebuildSwapsInTablesWithTheIndexesConstraintsViewCommentsAndPrivilegesOfTheOldOnes() throws Exception {
        execute("COMMENT ON TABLE story_view IS 'one row per story'",
                "COMMENT ON VIEW story_view_body IS 'each story''s view, its chunks joined'",
                "GRANT SELECT ON story_view, story_view_body TO PUBLIC");
        try {
            String before = query(CATALOG);
            assertTrue(before.contains("index CREATE UNIQUE INDEX story_view_chunk_pkey")
                    && before.contains("view story_view_body") && before.contains("one row per story")
                    && before.contains("=r/") && !before.contains("leftover"), before);
            given().header("Authorization", "Bearer test-admin-key").post("/admin/rebuild").then().statusCode(200);
            assertEquals(before, query(CATALOG), "the swapped-in tables are described as the old ones were");
        } finally {
            execute("COMMENT ON TABLE story_view IS NULL", "COMMENT ON VIEW story_view_body IS NULL",
                    "REVOKE SELECT ON story_view, story_view_body FROM PUBLIC");
        }
    }

    @Test
    void aTriggerOnTheReadModelIsRefusedRatherThanLost() throws Exception {
        execute("""
                CREATE FUNCTION test_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$""",
                "CREATE TRIGGER test_touch BEFORE INSERT ON article_view FOR EACH ROW EXECUTE FUNCTION test_touch()");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> FreshReadModel.create(c, List.of("article_view")));
            assertTrue(refused.getMessage().contains("test_touch on article_view"), refused.getMessage());
            c.rollback();
        } finally {
            execute("DROP TRIGGER test_touch ON article_view", "DROP FUNCTION test_touch()");
        }
    }

    /**
     * Articles appended while a rebuild replays the log can have their story built a second time: its new chunks go
     * in beside the old ones, under ids of their own, and the old ones are deleted at the end.
     */
    @Test
    void aStoryBuiltTwiceInOneReplayKeepsOnlyItsLastViewsChunks() throws Exception {
        UUID storyId = UUID.randomUUID();
        ViewChunks chunks = new ViewChunks(null, 1 << 30);
        ViewChunks.Plan first = chunks.plan(storyId, 1, json("first", 40_000).getBytes(StandardCharsets.US_ASCII), 2);
        ViewChunks.Plan second = chunks.plan(storyId, 2, json("second", 30_000).getBytes(StandardCharsets.US_ASCII), 3);
        assertTrue(first.ids().length > 1 && second.ids().length > 1, "views of several chunks each");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            FreshReadModel.create(c, ReadModelRebuilder.READ_MODEL);
            ReplayRows rows = new ReplayRows();
            StoryViewEntity story = new StoryViewEntity();
            story.storyId = storyId;
            story.headline = "Tab\there, a backslash \\ and a\nnewline";
            rows.addStory(story);
            ArticleViewEntity article = new ArticleViewEntity();
            article.articleId = UUID.randomUUID();
            article.storyId = storyId;
            article.outlet = "Outlet A";
            article.publishedAt = Instant.parse("2024-03-05T10:00:00.123456789Z");
            article.revision = 1;
            article.position = 7;
            rows.addArticle(article);
            Instant at = Instant.parse("2024-03-05T11:00:00Z");
            rows.storeViews(c, List.of(new ProjectionRows.StoredView(story,
                    new ProjectionRows.Figures(1, 1, 3, 0, at, at, 2, 8), first)), false);
            rows.storeViews(c, List.of(new ProjectionRows.StoredView(story,
                    new ProjectionRows.Figures(1, 1, 2, 0, at, at, 3, 9), second)), false);
            rows.finish(c);
            try (Statement s = c.createStatement()) {
                String body = one(s, "SELECT string_agg(k.text, '' ORDER BY o.n) FROM story_view_rebuilt v JOIN LATERAL "
                        + "unnest(v.chunks) WITH ORDINALITY o(id, n) ON true JOIN story_view_chunk_rebuilt k "
                        + "ON k.story_id = v.story_id AND k.chunk_id = o.id");
                assertEquals(json("second", 30_000), body, "the story row points at the last view's chunks");
                assertEquals(String.valueOf(second.ids().length),
                        one(s, "SELECT count(*) FROM story_view_chunk_rebuilt"), "the first view's chunks are gone");
                assertEquals("Tab\there, a backslash \\ and a\nnewline|2|3|9",
                        one(s, "SELECT headline || '|' || claim_count || '|' || version || '|' || position "
                                + "FROM story_view_rebuilt"));
                assertEquals("Outlet A|2024-03-05 10:00:00.123457+00|||7|",
                        one(s, "SET TIME ZONE 'UTC'; SELECT outlet || '|' || published_at || '|' "
                                + "|| coalesce(title, '') || '|' || coalesce(url, '') || '|' || position || '|' "
                                + "|| coalesce(claims_position::text, '') FROM article_view_rebuilt"));
            }
            c.rollback();
        }
    }

    private static String json(String word, int length) {
        StringBuilder b = new StringBuilder("{\"claims\":[");
        for (int i = 0; b.length() < length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"text\":\"").append(word).append(' ').append(i).append(".\"}");
        }
        return b.append("]}").toString();
    }

    private static String one(Statement s, String sql) throws Exception {
        s.execute(sql);
        while (s.getResultSet() == null) {
            s.getMoreResults();
        }
        try (ResultSet rs = s.getResultSet()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String query(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return one(s, sql);
        }
    }

    private void execute(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
