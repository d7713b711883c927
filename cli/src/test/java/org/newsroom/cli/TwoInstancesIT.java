package org.newsroom.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two ingest and two query instances on one database: load spread, events once, one projector, fast failover. */
class TwoInstancesIT extends EndToEndTest {

    static ServiceProcess secondIngest;
    static ServiceProcess secondQuery;

    @BeforeAll
    static void prepare() throws Exception {
        secondIngest = stack.startIngest(0, true);
        secondQuery = stack.startQuery(0, true);
    }

    static int active(ServiceProcess query) {
        String metrics = given().baseUri(query.url()).get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("newsroom_projection_active"))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void loadOnBothIngestersIsStoredOnceAndOneProjectorFailsOverToTheOther() throws Exception {
        List<ServiceProcess> ingesters = List.of(stack.ingest(), secondIngest);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Random random = new Random(11);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ServiceProcess target = ingesters.get(i % 2);
            var article = TestArticles.article(i, random);
            statuses.add(pool.submit(() -> StackChecks.post(target.url(), stack.ingestKey(), article).statusCode()));
        }
        for (Future<Integer> s : statuses) {
            assertEquals(201, s.get());
        }
        pool.shutdown();
        assertEquals(80, StackChecks.assertLogIsWhole(stack));
        assertEquals(1, active(stack.query()) + active(secondQuery), "exactly one projector is active");
        StackChecks.assertSameViews(StackChecks.views(stack, stack.query().url()),
                StackChecks.views(stack, secondQuery.url()), "both replicas");

        ServiceProcess activeQuery = active(stack.query()) == 1 ? stack.query() : secondQuery;
        ServiceProcess standby = activeQuery == secondQuery ? stack.query() : secondQuery;
        activeQuery.kill();
        Instant killed = Instant.now();
        int took = StackChecks.eventually(Duration.ofSeconds(30), () -> active(standby), a -> a == 1);
        Duration failover = Duration.between(killed, Instant.now());
        assertEquals(1, took, "the standby took over");
        assertTrue(failover.compareTo(Duration.ofSeconds(10)) < 0, "failover took " + failover);
        System.out.println("projector failover took " + failover.toMillis() + " ms");

        var created = StackChecks.post(secondIngest.url(), stack.ingestKey(), TestArticles.article(500, random));
        created.then().statusCode(201);
        given().baseUri(standby.url()).queryParam("minPosition", ((Number) created.path("position")).longValue())
                .get("/stories/" + created.path("storyId")).then().statusCode(200);
        assertEquals(StackChecks.rows(stack, "SELECT max(position)::text FROM events").get(0),
                given().baseUri(standby.url()).get("/stories").header("X-Projected-Position"));
    }
}
