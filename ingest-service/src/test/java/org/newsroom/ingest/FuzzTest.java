package org.newsroom.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.localpg.PostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several hundred malformed and mutated requests, from a fixed seed so a failure can be replayed: none may get a
 * 5xx, every error is problem+json, and none may write anything.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FuzzTest {

    static final long SEED = 20261122L;
    static final int REQUESTS = 400;
    static final String VALID = """
            {"outlet": "Fuzz Wire", "url": "https://fuzz.example.org/a", "title": "Council approves budget",
             "publishedAt": "2024-02-01T08:00:00Z", "text": "The council approved the budget on Monday."}""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void malformedRequestsNeverCauseA5xxOrAWrite() throws Exception {
        Random random = new Random(SEED);
        long events = EventCount.of(dataSource);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] body = mutate(VALID.getBytes(StandardCharsets.UTF_8), random);
            String contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
            Response r = given().header("Authorization", "Bearer test-key").contentType(contentType).body(body)
                    .post("/articles");
            if (r.statusCode() >= 500) {
                failures.add(i + ": " + r.statusCode() + " for " + new String(body, StandardCharsets.UTF_8));
            }
            if (r.statusCode() >= 400 && !r.contentType().startsWith("application/problem+json")) {
                failures.add(i + ": " + r.statusCode() + " without problem+json: " + r.contentType());
            }
            long now = EventCount.of(dataSource);
            if (r.statusCode() >= 400 && now != events) {
                failures.add(i + ": " + r.statusCode() + " but " + (now - events) + " events were written");
            }
            // A mutation may still be a valid article (a flipped letter in the title): that one may write.
            events = now;
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** One of several corruptions: flipped bytes, truncation, invalid UTF-8, wrong types, deletions, huge fields. */
    static byte[] mutate(byte[] valid, Random random) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(9)) {
            case 0 -> flip(valid, random);
            case 1 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 2 -> invalidUtf8(valid, random);
            case 3 -> text.replace("\"Fuzz Wire\"", random.nextBoolean() ? "42" : "null").getBytes(StandardCharsets.UTF_8);
            case 4 -> text.replace("\"The council", "[\"The council").replace("Monday.\"", "Monday.\"]")
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> text.replace("2024-02-01T08:00:00Z", List.of("", "2024-13-45", "-1", "9999-01-01T00:00:00Z",
                    "now").get(random.nextInt(5))).getBytes(StandardCharsets.UTF_8);
            case 6 -> text.replace("https://fuzz.example.org/a", List.of("file:///etc/passwd", "javascript:x",
                    "http://", "not a url", "ftp://x/y").get(random.nextInt(5))).getBytes(StandardCharsets.UTF_8);
            case 7 -> text.replace("Fuzz Wire", "F".repeat(201 + random.nextInt(5000))).getBytes(StandardCharsets.UTF_8);
            default -> List.of("", "null", "[]", "{}", "\"text\"", "{\"outlet\": {}}", "{{{", "{\"outlet\": \"X\", \"text\": \"\\u0000\"}")
                    .get(random.nextInt(8)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] flip(byte[] valid, Random random) {
        byte[] copy = valid.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(copy.length);
            copy[at] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] invalidUtf8(byte[] valid, Random random) {
        byte[] copy = valid.clone();
        int at = valid.length / 2 + random.nextInt(valid.length / 4);
        copy[at] = (byte) 0xC3;
        copy[at + 1] = (byte) 0x28;
        return copy;
    }
}
