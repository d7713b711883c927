package org.newsroom.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroom.localpg.PostgresTestResource;

import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BadInputTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"text\": \"Some text.\"}                                            | outlet",
            "{\"outlet\": \"\", \"text\": \"Some text.\"}                          | outlet",
            "{\"outlet\": \"X\"}                                                    | text",
            "{\"outlet\": \"X\", \"text\": \"   \"}                                 | text",
            "{\"outlet\": \"X\", \"text\": \"a\", \"url\": \"ftp://example.org/a\"}   | url",
            "{\"outlet\": \"X\", \"text\": \"a\", \"url\": \"javascript:alert(1)\"}   | url",
            "{\"outlet\": \"X\", \"text\": \"a\", \"publishedAt\": \"yesterday\"}     | publishedAt",
            "{\"outlet\": \"X\", \"text\": \"a\", \"publishedAt\": \"3024-01-01T00:00:00Z\"} | publishedAt",
            "{\"outlet\": \"X\", \"text\": \"a\", \"publishedAt\": \"1066-10-14T00:00:00Z\"} | publishedAt",
            "{\"outlet\": 42, \"text\": \"a\"}                                      | outlet",
            "{\"outlet\": \"X\", \"text\": [\"a\"]}                                 | text",
            "{\"outlet\": \"X\", \"text\": \"a\", \"storyHint\": \"not-a-uuid\"}     | storyHint",
    })
    void invalidFieldsAreRejectedByNameAndWriteNothing(String body, String field) throws SQLException {
        long events = EventCount.of(dataSource);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-key").body(body)
                .post("/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("detail", containsString(field));
        assertEquals(events, EventCount.of(dataSource));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-key").body("{\"outlet\": ")
                .post("/articles")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void aMissingOrWrongKeyIs401() {
        given().contentType(ContentType.JSON).body("{\"outlet\": \"X\", \"text\": \"a\"}").post("/articles")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body("{\"outlet\": \"X\", \"text\": \"a\"}")
                .post("/articles")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anyConfiguredKeyIsAccepted() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer second-test-key")
                .body("{\"outlet\": \"X\", \"text\": \"The museum opened a new wing on Friday.\"}")
                .post("/articles")
                .then().statusCode(201);
    }

    @Test
    void aBodyOverTheLimitIs413AndWritesNothing() throws SQLException {
        long events = EventCount.of(dataSource);
        String huge = "{\"outlet\": \"X\", \"text\": \"" + "a".repeat(2 * 1024 * 1024 + 10) + "\"}";
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-key").body(huge)
                .post("/articles")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(events, EventCount.of(dataSource));
    }

    @Test
    void invalidUtf8IsA400Problem() {
        byte[] body = "{\"outlet\": \"X\", \"text\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body[body.length - 4] = (byte) 0xC3;
        body[body.length - 3] = (byte) 0x28;
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-key").body(body)
                .post("/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rejectedArticlesAreCounted() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-key").body("{\"text\": \"a\"}")
                .post("/articles").then().statusCode(400);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsroom_articles_rejected_total{status=\"400\"}"));
    }

    @Test
    void aWrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).header("Authorization", "Bearer test-key").body("hello")
                .post("/articles")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
