package org.newsroom.query.projection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewChangeTest {

    @Test
    void aPayloadNamesThePositionAndTheChangedStories() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        // As Checkpoints sends it: max_position || listed(stories)
        ViewChange change = ViewChange.parse("42" + ViewChange.listed(List.of(a, b)));
        assertEquals(42, change.projectedPosition());
        assertEquals(Set.of(a, b), change.stories());
        assertTrue(change.touches(a));
        assertFalse(change.touches(UUID.randomUUID()));
        assertEquals(Set.of(), ViewChange.parse("7" + ViewChange.listed(List.of())).stories());
    }

    @Test
    void tooManyStoriesOrAnUnreadablePayloadMeanAnyStory() {
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i <= ViewChange.MAX_LISTED; i++) {
            many.add(UUID.randomUUID());
        }
        String payload = "9" + ViewChange.listed(many);
        assertTrue(payload.length() < 8000, "a notification payload stays under PostgreSQL's limit");
        assertNull(ViewChange.parse(payload).stories());
        assertEquals(9, ViewChange.parse(payload).projectedPosition());
        assertNull(ViewChange.parse("not a payload").stories());
        assertTrue(ViewChange.parse(null).touches(UUID.randomUUID()));
    }
}
