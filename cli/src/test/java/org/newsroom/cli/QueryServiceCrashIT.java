package org.newsroom.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query service killed with SIGKILL in the middle of catching up resumes from its checkpoint. */
class QueryServiceCrashIT extends EndToEndTest {


    @Test
    void killedDuringCatchUpItResumesAndConvergesToARebuild() throws Exception {
        stack.query().kill();
        Random random = new Random(7);
        int articles = 120;
        for (int i = 0; i < articles; i++) {
            StackChecks.post(stack.ingest().url(), stack.ingestKey(), TestArticles.article(i, random))
                    .then().statusCode(201);
        }
        ServiceProcess query = stack.restart(stack.query());
        // Kill it again as soon as it has applied some, but not all, of the backlog.
        long head = Long.parseLong(StackChecks.rows(stack, "SELECT max(position) FROM events").get(0));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long applied = 0;
        while (applied == 0 && Instant.now().isBefore(deadline)) {
            applied = Long.parseLong(StackChecks.rows(stack,
                    "SELECT coalesce(max(max_position), 0) FROM projection_checkpoint").get(0));
            Thread.sleep(5);
        }
        query.kill();
        assertTrue(applied > 0, "the projector started catching up before the kill");
        long checkpointAtKill = Long.parseLong(StackChecks.rows(stack,
                "SELECT max_position FROM projection_checkpoint").get(0));

        query = stack.restart(query);
        query.awaitReady(NewsroomStack.STARTUP);
        Map<String, String> resumed = StackChecks.views(stack, query.url());
        assertEquals(Long.toString(head), StackChecks.rows(stack, "SELECT max_position FROM projection_checkpoint").get(0));
        // Every story's view is at its stream's last assignment: nothing lost across the crash.
        assertEquals(List.of(), StackChecks.rows(stack, """
                SELECT e.stream_id FROM events e JOIN story_view v ON e.stream_id = 'story-' || v.story_id
                WHERE e.type = 'ArticleAssignedToStory'
                GROUP BY e.stream_id, v.version HAVING max(e.stream_version) <> v.version
                """));
        assertTrue(checkpointAtKill <= head);

        StackChecks.rebuild(query.url(), stack.adminKey());
        StackChecks.assertSameViews(resumed, StackChecks.views(stack, query.url()), "after a rebuild");
        given().baseUri(query.url()).get("/q/health/ready").then().statusCode(200);
    }
}
