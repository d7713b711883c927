package org.newsroom.query.view.merge;

import org.junit.jupiter.api.Test;
import org.newsroom.events.StoryEvent.QuantityData;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which figures can both be true, and which counts are about the same thing. */
class QuantityCompatibilityTest {

    private static QuantityRange range(double value, double low, double high, String qualifier) {
        return QuantityRange.of(new QuantityData(value, low, high, "people", qualifier));
    }

    private static QuantityRange point(double value, String qualifier) {
        return range(value, value, value, qualifier);
    }

    @Test
    void qualifiedFiguresAroundTheSameNumberAreCompatible() {
        assertTrue(point(8000, "nearly").compatible(point(8000, "about")));
        assertTrue(point(8000, "almost").compatible(range(2000, 2000, 9999, "thousands")));
        assertTrue(point(2000, "just over").compatible(point(2030, null)));
        assertTrue(range(24, 24, 99, "dozens").compatible(range(24, 24, Double.MAX_VALUE, "at least")));
    }

    @Test
    void anOpenFloorIsNotAnyNumberAboveIt() {
        assertFalse(range(24, 24, Double.MAX_VALUE, "at least").compatible(range(300, 300, 999, "several hundred")));
        assertFalse(point(26, null).compatible(point(16, null)));
    }

    @Test
    void topicsCompareEventFamilyAndWhatIsCounted() {
        assertTrue(QuantityTopic.of("people killed").sameThing(QuantityTopic.of("died")));
        assertTrue(QuantityTopic.of("people detained").sameThing(QuantityTopic.of("people taken into custody")));
        assertTrue(QuantityTopic.of("troops").sameThing(QuantityTopic.of("soldiers")));
        assertFalse(QuantityTopic.of("troops").sameThing(QuantityTopic.of("people detained")));
        assertFalse(QuantityTopic.of("people killed").sameThing(QuantityTopic.of("security officers killed")));
        assertFalse(QuantityTopic.of("people killed").sameThing(QuantityTopic.of("people injured")));
    }
}
