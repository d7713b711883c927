package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.Hibernate;
import org.newsroom.localpg.PostgresTestResource;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.query.projection.ProjectionRunner;
import org.newsroom.query.projection.ProjectionStatus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void theProjectorAndStoryListsLeaveTheBigViewBodyUnread() throws Exception {
        StoryEvents story = new StoryEvents(dataSource);
        await(story.article("Outlet A", StoryEvents.text("Outlet A"), Instant.parse("2024-03-05T10:00:00Z")));
        await(story.article("Outlet B", StoryEvents.text("Outlet B"), Instant.parse("2024-03-05T11:00:00Z")));
        boolean[] loaded = QuarkusTransaction.requiringNew().call(() -> {
            StoryViewEntity found = StoryViewEntity.findById(story.storyId);
            StoryViewEntity listed = StoryViewEntity.listed().stream()
                    .filter(s -> s.storyId.equals(story.storyId)).findFirst().orElseThrow();
            boolean before = Hibernate.isPropertyInitialized(found, "body")
                    || Hibernate.isPropertyInitialized(listed, "body");
            return new boolean[] {before, found.body.contains("\"claims\"")};
        });
        assertFalse(loaded[0], "the body is loaded only when read");
        assertTrue(loaded[1], "and then it is the view");
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
