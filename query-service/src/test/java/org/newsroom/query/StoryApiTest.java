package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.events.StoryEvent.QuantityData;
import org.newsroom.localpg.PostgresTestResource;
import org.newsroom.query.api.LatestViewRoute;
import org.newsroom.query.projection.ProjectionRunner;
import org.newsroom.query.projection.ViewChange;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class StoryApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LatestViewRoute route;

    @Test
    void aStoryIsServedWithItsClaimsMentionsAndProjectedPosition() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        story.article("Outlet A", StoryEvents.text("Outlet A"), Instant.parse("2024-03-05T10:00:00Z"));
        long position = story.article("Outlet B", StoryEvents.text("Outlet B"), Instant.parse("2024-03-05T11:00:00Z"));

        Response response = given().queryParam("minPosition", position).get("/stories/" + story.storyId);
        response.then().statusCode(200)
                .header("X-Projected-Position", notNullValue())
                .body("id", equalTo(story.storyId.toString()))
                .body("articles", hasSize(2))
                .body("claims[0].kind", equalTo("QUANTITY"))
                .body("claims[0].mentions", hasSize(2))
                .body("claims[0].firstReported.outlet", equalTo("Outlet A"))
                .body("timeline[0].date", equalTo("2024-03-05"));
        assertTrue(Long.parseLong(response.header("X-Projected-Position")) >= position);

        given().get("/stories").then().statusCode(200)
                .body("stories.id", hasItem(story.storyId.toString()));
    }

    @Test
    void theLatestViewIsGzippedOnRequestAndRevalidatedByItsTag() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long first = firstArticle(story, "Outlet F");
        String path = "/stories/" + story.storyId;
        Response plain = withoutDecoders().queryParam("minPosition", first).get(path);
        plain.then().statusCode(200).contentType("application/json").header("Content-Encoding", nullValue());
        String etag = plain.header("ETag");
        assertNotNull(etag);

        Response zipped = given().header("Accept-Encoding", "gzip").get(path);
        zipped.then().statusCode(200).header("Content-Encoding", "gzip").header("ETag", etag)
                .header("Vary", containsString("Accept-Encoding"));
        assertEquals(plain.asString(), zipped.asString(), "the same view, compressed");
        withoutDecoders().header("Accept-Encoding", "gzip;q=0").get(path).then().header("Content-Encoding", nullValue());

        given().header("If-None-Match", etag).get(path).then().statusCode(304)
                .header("X-Projected-Position", notNullValue());
        long second = story.article("Outlet G", StoryEvents.text("Outlet G"), Instant.parse("2024-03-05T11:00:00Z"));
        Response changed = given().queryParam("minPosition", second).header("If-None-Match", etag).get(path);
        changed.then().statusCode(200).body("articles", hasSize(2));
        assertNotEquals(etag, changed.header("ETag"), "a new version has a new tag");
    }

    @Test
    void theEventLoopAnswersALatestViewExactlyAsTheResourceDoes() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        String path = "/stories/" + story.storyId;
        long first = firstArticle(story, "Outlet K");
        // minPosition always goes to the resource (it waits, then checks the database), which caches the view
        Response resource = withoutDecoders().queryParam("minPosition", first).get(path).then().statusCode(200)
                .extract().response();
        String etag = resource.header("ETag");
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Accept-Encoding", "gzip"),
                Map.of("Accept", "application/json", "Accept-Encoding", "gzip, deflate"),
                Map.of("If-None-Match", etag), Map.of("If-None-Match", "\"other\", " + etag))) {
            Response slow = withoutDecoders().headers(headers).queryParam("minPosition", first).get(path);
            long before = route.answered();
            Response fast = withoutDecoders().headers(headers).get(path);
            assertEquals(before + 1, route.answered(), "answered from memory on the event loop: " + headers);
            assertEquals(slow.statusCode(), fast.statusCode(), headers.toString());
            for (String name : List.of("Content-Type", "Content-Encoding", "ETag", "Vary", "Cache-Control")) {
                assertEquals(slow.header(name), fast.header(name), name + " with " + headers);
            }
            assertTrue(Long.parseLong(fast.header("X-Projected-Position")) >= first);
            assertArrayEquals(slow.asByteArray(), fast.asByteArray(), headers.toString());
        }
        long before = route.answered();
        given().header("Accept", "text/html").get(path).then().statusCode(200).contentType(containsString("text/html"));
        int version = resource.path("version");
        given().queryParam("version", version).get(path).then().statusCode(200).body("version", equalTo(version));
        given().get("/stories/not-a-story").then().statusCode(404).contentType("application/problem+json");
        given().get("/stories/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, route.answered(), "the page, versions and unknown stories are the resource's");
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("uri=\"/stories/{id}\""), "the route's requests are counted under the template");
        assertFalse(metrics.contains(story.storyId.toString()), "no metric is tagged with a story's id");
    }

    @Test
    void aCachedViewIsReplacedWhenTheProjectorAnnouncesANewVersion() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long first = firstArticle(story, "Outlet H");
        String path = "/stories/" + story.storyId;
        given().queryParam("minPosition", first).get(path).then().statusCode(200).body("articles", hasSize(1));
        given().get(path).then().statusCode(200).body("articles", hasSize(1)); // served from the cache now

        long second = story.article("Outlet I", StoryEvents.text("Outlet I"), Instant.parse("2024-03-05T11:00:00Z"));
        given().queryParam("minPosition", second).get("/stories").then().statusCode(200);
        Instant deadline = Instant.now().plusSeconds(5);
        int articles = 1;
        while (articles < 2 && Instant.now().isBefore(deadline)) {
            Response r = given().get(path); // no minPosition: only the notification can refresh a cached view
            articles = r.path("articles.size()");
            assertTrue(Long.parseLong(r.header("X-Projected-Position")) > 0);
        }
        assertEquals(2, articles, "the notification of the projector's commit replaced the cached view");
    }

    @Test
    void theProjectorsNotificationNamesTheStoriesItsCommitChanged() throws Exception {
        try (Connection listener = dataSource.getConnection()) {
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN " + ProjectionRunner.VIEWS_CHANNEL);
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            StoryEvents story = new StoryEvents(dataSource);
            long position = story.article("Outlet J", StoryEvents.text("Outlet J"), Instant.now());
            Instant deadline = Instant.now().plusSeconds(10);
            ViewChange seen = null;
            while ((seen == null || !seen.touches(story.storyId)) && Instant.now().isBefore(deadline)) {
                for (PGNotification n : Optional.ofNullable(pg.getNotifications(500)).orElse(new PGNotification[0])) {
                    seen = ViewChange.parse(n.getParameter());
                }
            }
            assertNotNull(seen);
            assertNotNull(seen.stories(), "the changed stories are listed, not 'any story'");
            assertTrue(seen.stories().contains(story.storyId));
            assertTrue(seen.projectedPosition() >= position);
        }
    }

    /** The story's first article, from this outlet, published at 10:00 on 2024-03-05: its event position. */
    private static long firstArticle(StoryEvents story, String outlet) throws java.sql.SQLException {
        return story.article(outlet, StoryEvents.text(outlet), Instant.parse("2024-03-05T10:00:00Z"));
    }

    /** RestAssured asks for gzip unless told not to decode: these requests send only the headers given. */
    private static RequestSpecification withoutDecoders() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    @Test
    void everyMentionSlicesItsArticleTextExactly() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long position = story.article("Outlet C", StoryEvents.text("Outlet C"), Instant.now());
        List<Map<String, Object>> mentions = given().queryParam("minPosition", position)
                .get("/stories/" + story.storyId).path("claims.mentions.flatten()");
        for (Map<String, Object> m : mentions) {
            String text = given().get("/articles/" + m.get("articleId")).then().statusCode(200).extract().path("text");
            assertEquals(m.get("text"), text.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }
    }

    @Test
    void anArticleIsReadFromItsEventsAtItsLatestRevisionEvenWhenItsClaimsComeInALaterBatch() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        story.article("Outlet F", StoryEvents.text("Outlet F"), Instant.now());
        UUID id = story.lastArticle;
        String revised = "Outlet F corrects: the bridge reopened on Wednesday. About 30,000 vehicles cross it daily.";
        long textOnly = story.revisedText(id, 2, "Outlet F", revised);
        given().queryParam("minPosition", textOnly).get("/articles/" + id).then().statusCode(200)
                .body("revision", equalTo(2)).body("text", equalTo(revised)).body("claims", hasSize(0));
        String sentence = "About 30,000 vehicles cross it daily.";
        long claims = story.revisedClaims(id, 2, List.of(StoryEvents.claim("QUANTITY", revised, sentence, null,
                new QuantityData(30000, 27000, 33000, "vehicles cross", "about"), null)));
        given().queryParam("minPosition", claims).get("/articles/" + id).then().statusCode(200)
                .body("revision", equalTo(2)).body("claims.text", equalTo(List.of(sentence)));
        given().queryParam("minPosition", claims).get("/stories/" + story.storyId).then().statusCode(200)
                .body("articles", hasSize(1)).body("claims.mentions.flatten().text", equalTo(List.of(sentence)));
    }

    @Test
    void versionsAndChangesShowTheStoryAsItStoodThen() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long first = story.article("Outlet D", StoryEvents.text("Outlet D"), Instant.parse("2024-03-05T10:00:00Z"));
        String liveThen = given().queryParam("minPosition", first).get("/stories/" + story.storyId).asString();
        int v1 = io.restassured.path.json.JsonPath.from(liveThen).getInt("version");
        Instant between = Instant.now();
        Thread.sleep(20);
        long second = story.article("Outlet E", StoryEvents.text("Outlet E"), Instant.parse("2024-03-05T12:00:00Z"));
        given().queryParam("minPosition", second).get("/stories/" + story.storyId).then()
                .body("articles", hasSize(2));

        String rebuiltNow = given().queryParam("version", v1).get("/stories/" + story.storyId).then().statusCode(200)
                .body("version", equalTo(v1)).body("articles", hasSize(1)).extract().asString();
        assertEquals(liveThen, rebuiltNow, "a past version is byte for byte the view that was served then");
        given().queryParam("asOf", between.toString()).get("/stories/" + story.storyId).then().statusCode(200)
                .body("articles", hasSize(1));
        given().queryParam("since", v1).get("/stories/" + story.storyId + "/changes").then().statusCode(200)
                .body("changes.type", hasItem("MENTIONS_ADDED"));
        given().get("/stories/" + story.storyId + "/events").then().statusCode(200)
                .body("type", equalTo(List.of("StoryOpened", "ArticleIngested", "ClaimsExtracted",
                        "ArticleAssignedToStory", "ArticleIngested", "ClaimsExtracted", "ArticleAssignedToStory")))
                .body("streamVersion", equalTo(List.of(1, 2, 3, 4, 5, 6, 7)));
    }

    @Test
    void unknownStoriesAndBadParametersAreProblems() {
        given().get("/stories/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/stories/not-an-id").then().statusCode(404).contentType("application/problem+json");
        given().get("/articles/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("minPosition", "x").get("/stories").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("minPosition"));
    }
}
