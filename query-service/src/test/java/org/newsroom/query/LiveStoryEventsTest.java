package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.localpg.PostgresTestResource;
import org.newsroom.query.live.StoryViewWatcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /stories/{id}/live}: one server-sent event per committed version of the story's view. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class LiveStoryEventsTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    StoryViewWatcher watcher;
    @TestHTTPResource("/")
    URL root;

    @Test
    void aNewlyProjectedVersionIsSentAsAnEvent() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long first = story.article("Outlet A", StoryEvents.text("Outlet A"), java.time.Instant.parse("2024-03-05T10:00:00Z"));
        int version = given().queryParam("minPosition", first).get("/stories/" + story.storyId).path("version");

        try (EventStream events = EventStream.open(root, "stories/" + story.storyId + "/live?since=" + version)) {
            assertTrue(events.contentType().startsWith("text/event-stream"), events.contentType());
            long second = story.article("Outlet B", StoryEvents.text("Outlet B"), java.time.Instant.parse("2024-03-05T11:00:00Z"));
            String data = events.next(Duration.ofSeconds(10));
            assertNotNull(data, "no event within 10 s of the new version");
            int next = given().queryParam("minPosition", second).get("/stories/" + story.storyId).path("version");
            assertEquals("{\"version\":" + next + ",\"position\":" + second + "}", data);
            assertEquals(1, watcher.followers(story.storyId));
        }
        // A reader that goes away is forgotten.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (watcher.followers(story.storyId) > 0) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "the closed stream is still followed");
            Thread.sleep(50);
        }
    }

    @Test
    void aReaderBehindTheCurrentVersionHearsOfItAtOnce() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long position = story.article("Outlet C", StoryEvents.text("Outlet C"), java.time.Instant.now());
        int version = given().queryParam("minPosition", position).get("/stories/" + story.storyId).path("version");
        try (EventStream events = EventStream.open(root, "stories/" + story.storyId + "/live?since=0")) {
            assertEquals("{\"version\":" + version + ",\"position\":" + position + "}",
                    events.next(Duration.ofSeconds(10)));
        }
        given().get("/stories/00000000-0000-0000-0000-000000000000/live").then().statusCode(404);
    }

    /** The {@code data:} lines of a server-sent event stream, read on a thread of their own. */
    static final class EventStream implements AutoCloseable {
        private final HttpResponse<java.io.InputStream> response;
        private final BlockingQueue<String> data = new ArrayBlockingQueue<>(100);
        private final Thread reader;

        private EventStream(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            this.reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(URL root, String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
                    .header("Accept", "text/event-stream").build();
            return new EventStream(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()));
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        String next(Duration timeout) throws InterruptedException {
            return data.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring("data:".length()).strip());
                    }
                }
            } catch (java.io.IOException e) {
                // closed by the test
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }
}
