package org.newsroom.cli;

import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL stopped and started again under ingest load: 503 with Retry-After, no partial article, recovery. */
class DatabaseOutageIT extends EndToEndTest {

    @BeforeAll
    static void prepare() throws Exception {
        Assumptions.assumeTrue(stack.database().canRestart(),
                "needs the embedded PostgreSQL, which the test can stop and start");
    }

    @Test
    void requestsDuringAnOutageGet503AndBothServicesRecover() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Response> answers = new ConcurrentLinkedQueue<>();
        Random random = new Random(3);
        Thread load = new Thread(() -> {
            for (int i = 0; running.get() && i < 10_000; i++) {
                answers.add(StackChecks.post(stack.ingest().url(), stack.ingestKey(), TestArticles.article(i, random)));
            }
        });
        load.start();
        Thread.sleep(2_000);
        stack.database().stopServer();
        Thread.sleep(4_000);
        stack.database().startServer();
        Thread.sleep(3_000);
        running.set(false);
        load.join(60_000);

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 503), "only 201 or 503: " + statuses);
        assertTrue(statuses.contains(503), "the outage was seen: " + statuses);
        for (Response r : answers) {
            if (r.statusCode() == 503) {
                assertEquals("application/problem+json", r.contentType());
                assertTrue(r.header("Retry-After") != null);
            }
        }

        // Recovery: a new article is accepted and becomes visible through the query service.
        Response created = StackChecks.eventually(Duration.ofSeconds(60),
                () -> StackChecks.post(stack.ingest().url(), stack.ingestKey(), TestArticles.article(99_999, random)),
                r -> r.statusCode() == 201);
        assertEquals(201, created.statusCode());
        long position = ((Number) created.path("position")).longValue();
        String storyId = created.path("storyId");
        int status = StackChecks.eventually(Duration.ofSeconds(60), () -> given().baseUri(stack.query().url())
                .queryParam("minPosition", position).get("/stories/" + storyId).statusCode(), s -> s == 200);
        assertEquals(200, status);

        // No partial article; every 201 is in the log (a 503 whose commit raced the outage may be there too).
        long accepted = statuses.stream().filter(s -> s == 201).count() + 1;
        long unavailable = statuses.stream().filter(s -> s == 503).count();
        long stored = StackChecks.assertLogIsWhole(stack);
        assertTrue(stored >= accepted && stored <= accepted + unavailable, stored + " stored, " + accepted + " accepted");
    }
}
