package org.newsroom.events;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.newsroom.localpg.LocalPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catch-up read runs for every projector batch and every batch of a rebuild: its page must be fetched by the
 * primary key, never by scanning the log, in the plan PostgreSQL makes for the values at hand and in the generic plan
 * it caches for a statement the driver has prepared five times.
 */
class EventStoreQueryPlanTest {

    @Test
    void theCatchUpPageIsFetchedByPositionWhicheverPlanIsCached() throws SQLException {
        try (LocalPostgres database = migrated()) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                // A log big enough that a scan of it looks cheaper to the planner than thousands of index probes.
                s.execute("""
                        INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata)
                        SELECT 'story-' || i, 1, gen_random_uuid(), 'StoryOpened', '{}', '{}'
                        FROM generate_series(1, 50000) AS i""");
                s.execute("ANALYZE events");
                s.execute("PREPARE catch_up(text, bigint, int) AS " + numbered(EventStore.CATCH_UP));
                for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                    s.execute("SET plan_cache_mode = " + mode);
                    String plan = plan(s, "EXPLAIN EXECUTE catch_up('0', 0, 2000)");
                    assertTrue(plan.contains("Index Scan using events_pkey"), mode + ":\n" + plan);
                    assertFalse(plan.contains("Seq Scan"), mode + ":\n" + plan);
                }
            }
        }
    }

    /**
     * A rebuild first finds each story's last assignment: it must read the data of the assignment events only, not
     * the articles' texts, which are most of the log's bytes.
     */
    @Test
    void theLastAssignmentsAreFoundWithoutReadingTheOtherEventsData() throws SQLException {
        try (LocalPostgres database = migrated()) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                // 300 articles of 200 KB of text each (TOASTed), and their stories' assignments.
                s.execute("""
                        INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata)
                        SELECT 'story-' || i, v, gen_random_uuid(), t,
                               CASE WHEN v = 1 THEN json_build_object('text', (
                                        SELECT string_agg(md5(i::text || ':' || k), ' ')
                                        FROM generate_series(1, 6000) AS k))
                                    ELSE json_build_object('storyId', md5(i::text)::uuid) END,
                               '{}'
                        FROM generate_series(1, 300) AS i,
                             (VALUES (1, 'ArticleIngested'), (2, 'ArticleAssignedToStory')) AS e(v, t)""");
                s.execute("ANALYZE events");
                String plan = plan(s, "EXPLAIN (ANALYZE, BUFFERS) " + EventStore.LAST_ASSIGNMENTS);
                Matcher hits = Pattern.compile("Buffers: shared hit=(\\d+)").matcher(plan);
                assertTrue(hits.find(), plan);
                assertTrue(Integer.parseInt(hits.group(1)) < 200, "the articles' texts are read:\n" + plan);
                assertEquals(300, new EventStore(new EventCodec()).lastAssignments(c).size());
            }
        }
    }

    /** A fresh database with the event store's schema. */
    private static LocalPostgres migrated() {
        LocalPostgres database = LocalPostgres.freshForTests();
        try {
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load()
                    .migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The statement with PostgreSQL's numbered parameters in place of JDBC's question marks. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            out.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        return out.toString();
    }

    private static String plan(Statement s, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
