package org.newsroom.cli;

import io.restassured.response.Response;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks of the log and the views that several end-to-end tests share. */
final class StackChecks {

    private StackChecks() {
    }

    static Response post(String ingestUrl, String key, Object body) {
        return given().baseUri(ingestUrl).contentType("application/json").header("Authorization", "Bearer " + key)
                .body(body).post("/articles");
    }

    static List<String> rows(NewsroomStack stack, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = stack.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Repeats {@code attempt} until {@code done} accepts its result or the time is up; returns the last result. */
    static <T> T eventually(Duration timeout, Supplier<T> attempt, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T result = attempt.get();
        while (!done.test(result) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            result = attempt.get();
        }
        return result;
    }

    /**
     * Every article has exactly one event of each kind, and every stream's versions run 1..n without gaps.
     * Returns the number of articles in the log.
     */
    static long assertLogIsWhole(NewsroomStack stack) throws Exception {
        assertEquals(List.of(), rows(stack, """
                SELECT metadata ->> 'correlationId' FROM events
                WHERE type IN ('ArticleIngested', 'ClaimsExtracted', 'ArticleAssignedToStory')
                GROUP BY metadata ->> 'correlationId', type HAVING count(*) <> 1
                """), "articles with a missing or repeated event");
        assertEquals(List.of(), rows(stack, """
                SELECT a FROM (SELECT metadata ->> 'correlationId' a, count(DISTINCT type) n FROM events
                               WHERE type <> 'StoryOpened' GROUP BY 1) t WHERE n <> 3
                """), "partial articles");
        assertEquals(List.of(), rows(stack, """
                SELECT stream_id FROM events GROUP BY stream_id
                HAVING min(stream_version) <> 1 OR max(stream_version) <> count(*)
                """), "streams with gaps");
        return Long.parseLong(rows(stack, "SELECT count(*) FROM events WHERE type = 'ArticleIngested'").get(0));
    }

    /** Every story's JSON, keyed by id, once the read model has reached the head of the log. */
    static Map<String, String> views(NewsroomStack stack, String queryUrl) throws Exception {
        eventually(Duration.ofSeconds(120), () -> unapplied(stack), n -> n == 0);
        Map<String, String> views = new TreeMap<>();
        List<String> ids = given().baseUri(queryUrl).get("/stories")
                .then().statusCode(200).extract().path("stories.id");
        for (String id : ids) {
            views.put(id, given().baseUri(queryUrl).get("/stories/" + id).then().statusCode(200).extract().asString());
        }
        return views;
    }

    /** Equal views; on a difference, names the story and shows the text around the first differing character. */
    static void assertSameViews(Map<String, String> expected, Map<String, String> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same stories");
        for (String id : expected.keySet()) {
            String a = expected.get(id);
            String b = actual.get(id);
            if (!a.equals(b)) {
                int at = 0;
                while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 300);
                assertEquals(a.substring(from, Math.min(a.length(), at + 300)),
                        b.substring(from, Math.min(b.length(), at + 300)), what + ": story " + id + " at " + at);
            }
        }
    }

    /** Events in the log that the read model has not applied (-1 when the database cannot be read). */
    static long unapplied(NewsroomStack stack) {
        try {
            return Long.parseLong(rows(stack, """
                    SELECT count(*) FROM events e, projection_checkpoint p
                    WHERE e.transaction_id > p.transaction_id
                       OR (e.transaction_id = p.transaction_id AND e.position > p.position)
                    """).get(0));
        } catch (Exception e) {
            return -1;
        }
    }

    static void rebuild(String queryUrl, String adminKey) {
        given().baseUri(queryUrl).header("Authorization", "Bearer " + adminKey).post("/admin/rebuild")
                .then().statusCode(200);
    }
}
