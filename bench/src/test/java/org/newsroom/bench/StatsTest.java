package org.newsroom.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleOneAndOfAnEvenCountTheMeanOfTheTwo() {
        assertEquals(8_725.0, Stats.median(List.of(9_078.0, 8_725.0, 8_576.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertTrue(Double.isNaN(Stats.median(List.of())));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> hundred = new java.util.ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            hundred.add((double) i);
        }
        assertEquals(99.0, Stats.percentile(hundred, 99));
        assertEquals(100.0, Stats.percentile(hundred, 100));
        assertEquals(1.0, Stats.percentile(hundred, 0));
        assertEquals(7.0, Stats.percentile(List.of(7.0), 99));
    }
}
