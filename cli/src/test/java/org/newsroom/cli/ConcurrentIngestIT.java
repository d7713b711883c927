package org.newsroom.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hundreds of distinct articles at concurrency 24, many into the same stories: nothing lost, nothing twice. */
class ConcurrentIngestIT extends EndToEndTest {

    static final int ARTICLES = 240;
    static final int CONCURRENCY = 24;

    @Test
    void everyAcceptedArticleIsStoredExactlyOnceAndTheViewsEqualARebuild() throws Exception {
        Random random = new Random(42);
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(TestArticles.article(i, random));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (Map<String, Object> a : articles) {
            statuses.add(pool.submit(() -> StackChecks.post(stack.ingest().url(), stack.ingestKey(), a).statusCode()));
        }
        int created = 0;
        for (Future<Integer> s : statuses) {
            assertEquals(201, s.get());
            created++;
        }
        pool.shutdown();

        assertEquals(created, StackChecks.assertLogIsWhole(stack));
        int stories = Integer.parseInt(StackChecks.rows(stack,
                "SELECT count(DISTINCT stream_id) FROM events").get(0));
        assertTrue(stories < ARTICLES / 4, "articles share stories: " + stories + " stories");

        Map<String, String> live = StackChecks.views(stack, stack.query().url());
        assertEquals(stories, live.size());
        StackChecks.rebuild(stack.query().url(), stack.adminKey());
        StackChecks.assertSameViews(live, StackChecks.views(stack, stack.query().url()), "after a rebuild");

        // The projector follows the log again after a rebuild.
        var after = StackChecks.post(stack.ingest().url(), stack.ingestKey(), TestArticles.article(ARTICLES, random));
        after.then().statusCode(201);
        assertEquals(0L, StackChecks.eventually(java.time.Duration.ofSeconds(60), () -> StackChecks.unapplied(stack),
                n -> n == 0));
        given().baseUri(stack.query().url()).get("/articles/" + after.path("articleId")).then().statusCode(200);
    }

    @Test
    void theAdminRebuildNeedsTheAdminKey() {
        given().baseUri(stack.query().url()).post("/admin/rebuild").then().statusCode(401);
        given().baseUri(stack.query().url()).header("Authorization", "Bearer " + stack.ingestKey())
                .post("/admin/rebuild").then().statusCode(401);
    }
}
