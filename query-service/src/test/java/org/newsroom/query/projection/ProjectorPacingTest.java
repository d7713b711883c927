package org.newsroom.query.projection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long the projector rests after a batch that reached the log's head. */
class ProjectorPacingTest {

    private static final long MS = 1_000_000L;

    @Test
    void aCheapBatchIsFollowedAtOnce() {
        assertEquals(0, ProjectionRunner.pauseNanos(5 * MS, 0.5));
        assertEquals(0, ProjectionRunner.pauseNanos(ProjectionRunner.PACE_FROM_NANOS - 1, 0.5));
    }

    @Test
    void anExpensiveBatchIsFollowedByAPauseThatKeepsTheProjectorBusyAtMostItsShare() {
        assertEquals(40 * MS, ProjectionRunner.pauseNanos(40 * MS, 0.5));
        assertEquals(10 * MS, ProjectionRunner.pauseNanos(30 * MS, 0.75));
    }

    @Test
    void thePauseShrinksSoThatAnArticlesWaitStaysWithinBounds() {
        // 60 ms batches: a full 60 ms pause would let an article wait 180 ms; 30 ms keeps it at 150.
        assertEquals(30 * MS, ProjectionRunner.pauseNanos(60 * MS, 0.5));
        assertEquals(0, ProjectionRunner.pauseNanos(75 * MS, 0.5));
        assertEquals(0, ProjectionRunner.pauseNanos(400 * MS, 0.5));
    }

    @Test
    void aShareOfOneNeverPauses() {
        assertEquals(0, ProjectionRunner.pauseNanos(40 * MS, 1.0));
    }
}
