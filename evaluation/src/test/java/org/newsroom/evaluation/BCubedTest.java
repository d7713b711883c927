package org.newsroom.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** B-cubed scores of small clusterings worked out by hand. */
class BCubedTest {

    @Test
    void perfectClusteringScoresOne() {
        BCubed score = BCubed.of(List.of("x", "x", "y"), List.of("a", "a", "b"));
        assertEquals(1.0, score.f1(), 1e-12);
        assertEquals(2, score.predictedClusters());
        assertEquals(2, score.goldClusters());
    }

    @Test
    void mergedClustersLosePrecisionSplitClustersLoseRecall() {
        BCubed merged = BCubed.of(List.of("x", "x", "x"), List.of("a", "a", "b"));
        assertEquals((2 / 3.0 * 2 + 1 / 3.0) / 3, merged.precision(), 1e-12);
        assertEquals(1.0, merged.recall(), 1e-12);
        BCubed split = BCubed.of(List.of("x", "y", "z"), List.of("a", "a", "b"));
        assertEquals(1.0, split.precision(), 1e-12);
        assertEquals((0.5 + 0.5 + 1) / 3, split.recall(), 1e-12);
    }
}
