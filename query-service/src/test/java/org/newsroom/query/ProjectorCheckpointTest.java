package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import io.restassured.path.json.JsonPath;
import org.newsroom.localpg.PostgresTestResource;
import org.newsroom.query.projection.ProjectionRunner;
import org.newsroom.query.projection.ProjectionStatus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ProjectorCheckpointTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProjectionRunner runner;
    @Inject
    ProjectionStatus status;

    @Test
    void aRestartedProjectorResumesAtItsCheckpointAndAppliesEachEventOnce() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        long first = story.article("Outlet A", StoryEvents.text("Outlet A"), Instant.parse("2024-03-05T10:00:00Z"));
        await(first);

        runner.pause();
        long second = story.article("Outlet B", StoryEvents.text("Outlet B"), Instant.parse("2024-03-05T11:00:00Z"));
        long third = story.article("Outlet C", StoryEvents.text("Outlet C"), Instant.parse("2024-03-05T12:00:00Z"));
        Thread.sleep(300);
        assertTrue(!status.hasApplied(second), "a stopped projector applies nothing");

        runner.resume();
        await(third);
        // The view reflects the whole stream: all three articles, at the stream's last version.
        assertEquals(3, count("SELECT article_count FROM story_view WHERE story_id = '" + story.storyId + "'"));
        assertEquals(10, count("SELECT version FROM story_view WHERE story_id = '" + story.storyId + "'"));
        assertEquals(0, status.lag());
    }

    @Test
    void aViewIsStoredInChunksAndANewVersionKeepsTheChunksThatDidNotChange() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        Instant t0 = Instant.parse("2024-03-05T10:00:00Z");
        long last = 0;
        for (int i = 0; i < 80; i++) {
            last = story.article("Outlet " + i, StoryEvents.text("Outlet " + i), t0.plusSeconds(60L * i));
        }
        await(last);
        List<Long> before = chunkIds(story);
        assertTrue(before.size() >= 8, "a view of 80 articles is several chunks: " + before);

        // The latest article: its mentions come last in their lists, the chunks before them stay as they were.
        await(story.article("Outlet late", StoryEvents.text("Outlet late"), t0.plusSeconds(86_400)));
        List<Long> after = chunkIds(story);
        assertTrue(after.stream().filter(before::contains).count() >= after.size() / 2,
                "most chunks are kept: " + before + " then " + after);
        assertEquals(after.stream().distinct().count(),
                count("SELECT count(*) FROM story_view_chunk WHERE story_id = '" + story.storyId + "'"),
                "the chunks the view no longer uses are deleted");

        // Published before all the others: it comes first in every list of the view. Its name is escaped in JSON.
        String early = "Outlet \u201cearly\u201d \\ \t";
        await(story.article(early, StoryEvents.text(early), t0.minusSeconds(3_600)));
        String stored = given().get("/stories/" + story.storyId).then().statusCode(200).extract().asString();
        int version = JsonPath.from(stored).getInt("version");
        assertEquals(given().get("/stories/" + story.storyId + "?version=" + version).then().statusCode(200)
                .extract().asString(), stored, "the chunks put together are the view as a fresh build writes it");
        assertEquals(82, JsonPath.from(stored).getList("articles").size());
        assertEquals(early, JsonPath.from(stored).getString("articles[0].outlet"));
    }

    private List<Long> chunkIds(StoryEvents story) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT unnest(chunks) FROM story_view WHERE story_id = '"
                     + story.storyId + "'")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private void await(long position) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!status.hasApplied(position)) {
            assertTrue(Instant.now().isBefore(deadline), "projection did not reach " + position);
            Thread.sleep(50);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
