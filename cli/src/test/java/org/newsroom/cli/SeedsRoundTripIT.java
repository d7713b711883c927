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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @SuppressWarnings("unchecked")
    void theLogLeavesOutTheClaimTextsTheArticleHasAndTheApiPutsThemBack() throws InterruptedException {
        String storyId = imported.results().get(0).body().path("storyId").asText();
        awaitProjected();
        JsonPath events = given().baseUri(stack.query().url()).get("/stories/" + storyId + "/events").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> extracted = events.getList("findAll { it.type == 'ClaimsExtracted' }");
        assertEquals(5, extracted.size());
        for (Map<String, Object> e : extracted) {
            assertEquals(2, e.get("schemaVersion"));
            Map<String, Object> data = (Map<String, Object>) e.get("data");
            List<Map<String, Object>> stored = (List<Map<String, Object>>) data.get("claims");
            assertTrue(stored.stream().noneMatch(c -> c.containsKey("text")), "each seed claim is a slice: " + stored);
            JsonPath article = given().baseUri(stack.query().url()).get("/articles/" + data.get("articleId")).then()
                    .statusCode(200).extract().jsonPath();
            String text = article.getString("text");
            List<Map<String, Object>> claims = article.getList("claims");
            assertEquals(stored.size(), claims.size());
            for (Map<String, Object> c : claims) {
                assertEquals(text.substring((Integer) c.get("start"), (Integer) c.get("end")), c.get("text"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStoryMergesClaimsAcrossOutletsAndShowsTheContestedCasualtyFigure() throws InterruptedException {
        String storyId = imported.results().get(0).body().path("storyId").asText();
        awaitProjected();
        JsonPath story = given().baseUri(stack.query().url()).get("/stories/" + storyId).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> claims = story.getList("claims");

        Map<String, Object> detained = claims.stream()
                .filter(c -> c.get("quantity") != null && quantity(c).get("value").equals(8000.0f)
                        && String.valueOf(quantity(c).get("unit")).contains("detained"))
                .findFirst().orElseThrow(() -> new AssertionError("no merged detention figure"));
        assertTrue((Integer) detained.get("outletCount") >= 4, "detention figure from 4+ outlets: " + detained);
        assertEquals("CORROBORATED", detained.get("status"));
        for (Map<String, Object> m : mentions(detained)) {
            // Compatible statements of the figure may join ("thousands arrested"); other counts may not.
            assertTrue(!String.valueOf(m.get("text")).contains("troops"), "a troop figure merged into detentions: " + m);
        }

        assertTrue(claims.stream().anyMatch(c -> List.of("QUOTE", "REPORTED").contains(c.get("kind"))
                && (Integer) c.get("outletCount") >= 4), "a statement reported by four or more outlets");

        List<Map<String, Object>> contradictions = story.getList("contradictions");
        Map<String, Object> killed = contradictions.stream()
                .filter(c -> String.valueOf(c.get("topic")).contains("kill")).findFirst()
                .orElseThrow(() -> new AssertionError("no casualty contradiction in " + contradictions));
        List<String> contested = (List<String>) killed.get("claimIds");
        assertTrue(contested.size() >= 2);
        for (Map<String, Object> c : claims) {
            if (contested.contains(c.get("id"))) {
                assertEquals("CONTESTED", c.get("status"));
            }
        }
        assertTrue(((List<Map<String, Object>>) killed.get("mentions")).stream().map(m -> m.get("outlet"))
                .distinct().count() >= 2, "every side's sentences and outlets");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> quantity(Map<String, Object> claim) {
        return (Map<String, Object>) claim.get("quantity");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mentions(Map<String, Object> claim) {
        return (List<Map<String, Object>>) claim.get("mentions");
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
