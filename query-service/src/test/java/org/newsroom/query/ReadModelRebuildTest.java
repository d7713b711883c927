package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroom.localpg.PostgresTestResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ReadModelRebuildTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildReplaysEveryEventAndGivesTheSameViews() throws Exception {
        List<StoryEvents> stories = new ArrayList<>();
        long last = 0;
        // Enough transactions for their ids to pass a power of ten: ids must compare as numbers everywhere.
        for (int i = 0; i < 150; i++) {
            StoryEvents story = new StoryEvents(dataSource);
            story.article("Outlet A", StoryEvents.text("Outlet A"), Instant.parse("2024-03-05T10:00:00Z"));
            last = story.article("Outlet B", StoryEvents.text("Outlet B"), Instant.parse("2024-03-05T11:00:00Z"));
            stories.add(story);
        }
        // Later articles for some stories: their events are batches apart. A replay builds each of them once, in
        // the batch of its last article, from the articles of earlier batches that it held, and past the test's
        // budget of 20 held articles (application.properties) from articles it reads again.
        for (int i = 0; i < 150; i += 7) {
            last = stories.get(i).article("Outlet C", StoryEvents.text("Outlet C"), Instant.parse("2024-03-05T12:00:00Z"));
        }
        String listBefore = given().queryParam("minPosition", last).get("/stories").then().statusCode(200)
                .extract().asString();
        List<String> before = new ArrayList<>();
        for (StoryEvents story : stories) {
            before.add(given().get("/stories/" + story.storyId).then().statusCode(200).extract().asString());
        }

        var result = given().header("Authorization", "Bearer test-admin-key").post("/admin/rebuild")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(count("SELECT count(*) FROM events"), result.getLong("events"), "every event is replayed");
        assertEquals(count("SELECT count(DISTINCT data ->> 'storyId') FROM events WHERE type = 'ArticleAssignedToStory'"),
                result.getLong("views"), "each story's view is built once, however many batches its articles are in");
        assertEquals(listBefore, given().get("/stories").then().statusCode(200).extract().asString(),
                "the story rows (counts, times, versions) after the rebuild equal the ones before");
        for (int i = 0; i < stories.size(); i++) {
            assertEquals(before.get(i), given().get("/stories/" + stories.get(i).storyId).then().statusCode(200)
                    .extract().asString(), "the view after the rebuild equals the one before");
        }
    }

    @Test
    void theSwappedInTablesAreVacuumedAndAnalyzedAfterARebuild() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long last = story.article("Outlet A", StoryEvents.text("Outlet A"), Instant.parse("2024-03-05T10:00:00Z"));
        given().queryParam("minPosition", last).get("/stories/" + story.storyId).then().statusCode(200);
        Instant before = Instant.now();
        given().header("Authorization", "Bearer test-admin-key").post("/admin/rebuild").then().statusCode(200);
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> vacuumed = List.of();
        while (Instant.now().isBefore(deadline)) {
            vacuumed = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT relname FROM pg_stat_user_tables
                         WHERE relname IN ('story_view_chunk', 'story_view', 'article_view')
                           AND last_vacuum >= '%1$s'::timestamptz AND last_analyze >= '%1$s'::timestamptz
                           ORDER BY relname""".formatted(before))) {
                while (rs.next()) {
                    vacuumed.add(rs.getString(1));
                }
            }
            if (vacuumed.size() == 3) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of("article_view", "story_view", "story_view_chunk"), vacuumed,
                "each new read-model table is vacuumed and analyzed (it has no statistics yet) once the rebuild has committed");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
