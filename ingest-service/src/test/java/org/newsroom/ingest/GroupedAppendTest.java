package org.newsroom.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.ingest.ingesting.ArticleIngestor;
import org.newsroom.localpg.PostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Articles whose append has to wait for another's are appended together in the next transaction: the test holds the
 * ingest's advisory lock, so that the first article's transaction waits for it and the next two queue behind it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class GroupedAppendTest {

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> article(String title, String text) {
        return article("https://example.org/grouped/" + UUID.randomUUID(), title, text);
    }

    private static Map<String, Object> article(String url, String title, String text) {
        return Map.of("outlet", "Test Wire", "url", url, "title", title, "publishedAt", "2024-06-11T08:00:00Z",
                "text", text);
    }

    private static final String FERRY = """
            The island ferry service was suspended on Monday after a storm damaged the main pier, the port authority said.
            "No ferry will sail until engineers have checked the pier," harbour master Lena Holm told reporters.
            About 3,000 passengers use the ferry every day.
            """;

    private static final String FERRY_AGAIN = """
            Ferries to the island stopped on Monday because a storm damaged the main pier, the port authority said.
            Harbour master Lena Holm said no ferry would sail until engineers had checked the pier.
            The service carries about 3,000 passengers a day.
            """;

    private static final String ORCHESTRA = """
            The city orchestra named a new principal conductor on Friday, its board said in a statement.
            "She brings a bold programme," board chair Tomas Lind said.
            The orchestra gives 80 concerts a year.
            """;

    @Test
    void articlesThatWaitForAnAppendAreAppendedTogetherAndSeeEachOthersStory() throws Exception {
        List<Response> responses = postWhileTheLockIsHeld(List.of(
                article("City orchestra names a new conductor", ORCHESTRA),
                article("Storm halts island ferry", FERRY),
                article("Island ferries stop after storm damages pier", FERRY_AGAIN)));
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Response r : responses) {
            assertEquals(201, r.statusCode(), r.asString());
            bodies.add(r.jsonPath().getMap(""));
        }
        List<String> transactions = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            transactions.add(transactionOf((String) body.get("articleId")));
        }
        assertNotEquals(transactions.get(0), transactions.get(1), "the first article committed alone");
        assertEquals(transactions.get(1), transactions.get(2), "the two that waited committed together");
        assertEquals(bodies.get(1).get("storyId"), bodies.get(2).get("storyId"),
                "the third article saw the story the second opened in the same transaction");
        assertNotEquals(bodies.get(0).get("storyId"), bodies.get(1).get("storyId"));
        assertEquals(1, storiesOpenedBy(transactions.get(1)), "one story opened, not two");
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsroom_ingest_articles_per_transaction_count"));
    }

    @Test
    void anArticleAndItsRepeatAndItsRevisionInOneTransactionAreStoredOnceAndInOrder() throws Exception {
        String url = "https://example.org/grouped/" + UUID.randomUUID();
        List<Response> responses = postWhileTheLockIsHeld(List.of(
                article("City orchestra names a new conductor", ORCHESTRA),
                article(url, "Storm halts island ferry", FERRY),
                article(url, "Storm halts island ferry", FERRY),
                article(url, "Storm halts island ferry", FERRY_AGAIN)));
        Response first = responses.get(1);
        Response repeat = responses.get(2);
        Response revision = responses.get(3);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(200, repeat.statusCode(), "the repeat is a duplicate: " + repeat.asString());
        assertEquals(201, revision.statusCode(), revision.asString());
        String articleId = first.jsonPath().getString("articleId");
        assertEquals(articleId, repeat.jsonPath().getString("articleId"));
        assertEquals(first.jsonPath().getLong("position"), repeat.jsonPath().getLong("position"));
        assertEquals(articleId, revision.jsonPath().getString("articleId"));
        assertEquals(2, revision.jsonPath().getInt("revision"));
        assertEquals(first.jsonPath().getString("storyId"), revision.jsonPath().getString("storyId"));
        assertEquals("6", query("SELECT count(*) FROM events WHERE metadata ->> 'correlationId' = ? "
                + "AND type <> 'StoryOpened'", articleId), "three events of each revision, none of the repeat");
        assertEquals("1,2", query("SELECT string_agg(data ->> 'revision', ',' ORDER BY position) FROM events "
                + "WHERE type = 'ArticleIngested' AND metadata ->> 'correlationId' = ?", articleId));
        assertEquals("1", query("SELECT count(DISTINCT transaction_id) FROM events WHERE metadata ->> 'correlationId' = ?",
                articleId), "both revisions were appended in one transaction");
    }

    /**
     * Posts the articles while the test holds the ingest's lock: the first one's transaction waits for it, and each
     * of the others is posted once the one before waits for a transaction. Then the lock is let go.
     */
    private List<Response> postWhileTheLockIsHeld(List<Map<String, Object>> articles) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(articles.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            try (Connection holder = dataSource.getConnection()) {
                lock(holder, "pg_advisory_lock");
                for (int i = 0; i < articles.size(); i++) {
                    Map<String, Object> article = articles.get(i);
                    answers.add(pool.submit(() -> IdempotentIngestTest.post(article)));
                    int queued = i;
                    if (i == 0) {
                        awaitUntil(() -> lockWaiters() == 1, "the first article's transaction waits for the lock");
                    } else {
                        awaitUntil(() -> waiting() == queued, "article " + (queued + 1) + " waits for a transaction");
                    }
                }
                lock(holder, "pg_advisory_unlock");
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : answers) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    private static void lock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, ArticleIngestor.ASSIGNMENT_LOCK);
            ps.execute();
        }
    }

    private static int waiting() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("newsroom_ingest_articles_waiting"))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private int lockWaiters() {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", null);
    }

    private String transactionOf(String articleId) {
        return query("SELECT DISTINCT transaction_id::text FROM events WHERE metadata ->> 'correlationId' = ?",
                articleId);
    }

    private int storiesOpenedBy(String transaction) {
        return count("SELECT count(*) FROM events WHERE type = 'StoryOpened' AND transaction_id::text = ?",
                transaction);
    }

    private int count(String sql, String parameter) {
        return Integer.parseInt(query(sql, parameter));
    }

    private String query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String value = rs.getString(1);
                assertTrue(!rs.next(), "one row for " + parameter);
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(20);
        }
    }
}
