package org.newsroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seeds through both services as separate processes on a real PostgreSQL: the walking skeleton end to end. */
class SeedsRoundTripIT extends EndToEndTest {

    static BulkImporter.Summary imported;

    @BeforeAll
    static void prepare() throws Exception {
        imported = ImportCommand.importAll(new ObjectMapper(), HOME.resolve("seeds"), stack.ingest().url(),
                stack.ingestKey(), null, 4, new PrintStream(new ByteArrayOutputStream()));
    }

    /** Waits (generously: machines running tests can be slow) until the read model holds every seed. */
    static void awaitProjected() throws InterruptedException {
        StackChecks.eventually(java.time.Duration.ofSeconds(90), () -> StackChecks.unapplied(stack), n -> n == 0);
    }

    @Test
    void theFiveSeedsFormOneStoryFromFiveOutlets() throws InterruptedException {
        assertEquals(5, imported.created(), imported.results().toString());
        awaitProjected();
        JsonPath stories = given().baseUri(stack.query().url()).get("/stories").then().statusCode(200).extract().jsonPath();
        assertEquals(1, stories.getList("stories").size());
        assertEquals(5, stories.getInt("stories[0].articleCount"));
        assertEquals(5, stories.getInt("stories[0].outletCount"));
    }

    @Test
    void everyMentionInTheStorySlicesItsArticleText() throws InterruptedException {
        String storyId = imported.results().get(0).body().path("storyId").asText();
        awaitProjected();
        JsonPath story = given().baseUri(stack.query().url()).get("/stories/" + storyId).then().statusCode(200).extract().jsonPath();
        Map<String, String> texts = new java.util.HashMap<>();
        List<Map<String, Object>> mentions = story.getList("claims.mentions.flatten()");
        for (Map<String, Object> m : mentions) {
            String articleId = (String) m.get("articleId");
            String text = texts.computeIfAbsent(articleId, id -> given().baseUri(stack.query().url())
                    .get("/articles/" + id).then().statusCode(200).extract().path("text"));
            assertEquals(m.get("text"), text.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }
    }

    @Test
    void importingTheSeedsAgainAddsNothing() throws Exception {
        BulkImporter.Summary again = ImportCommand.importAll(new ObjectMapper(), HOME.resolve("seeds"),
                stack.ingest().url(), stack.ingestKey(), null, 2, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(5, again.duplicates());
        assertEquals(0, again.created());
        given().baseUri(stack.query().url()).get("/stories").then().body("stories.size()", equalTo(1));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
