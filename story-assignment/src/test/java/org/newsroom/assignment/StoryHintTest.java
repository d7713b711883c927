package org.newsroom.assignment;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.newsroom.assignment.LookAlikeEventsTest.HARLOW_SHOOTING;
import static org.newsroom.assignment.LookAlikeEventsTest.MILLBROOK_SHOOTING;
import static org.newsroom.assignment.LookAlikeEventsTest.MILLBROOK_SHOOTING_OTHER_OUTLET;

/** A client's story hint is checked: followed when the story is plausible, ignored when it is not. */
class StoryHintTest {

    @Test
    void hintToThePlausibleStoryIsAccepted() {
        Reports.Stories stories = new Reports.Stories();
        UUID millbrook = stories.add(MILLBROOK_SHOOTING);
        stories.add(HARLOW_SHOOTING);
        assertEquals(millbrook, stories.add(MILLBROOK_SHOOTING_OTHER_OUTLET, millbrook));
        assertEquals(Decision.HINT, stories.lastDecision().decision());
    }

    @Test
    void hintToAnImplausibleStoryIsRefused() {
        Reports.Stories stories = new Reports.Stories();
        UUID millbrook = stories.add(MILLBROOK_SHOOTING);
        UUID harlow = stories.add(HARLOW_SHOOTING);
        assertNotEquals(millbrook, harlow);
        assertEquals(millbrook, stories.add(MILLBROOK_SHOOTING_OTHER_OUTLET, harlow));
        assertEquals(Decision.JOINED, stories.lastDecision().decision());
    }

    @Test
    void hintToAnUnknownStoryIsIgnored() {
        Reports.Stories stories = new Reports.Stories();
        UUID millbrook = stories.add(MILLBROOK_SHOOTING);
        assertEquals(millbrook, stories.add(MILLBROOK_SHOOTING_OTHER_OUTLET, new UUID(7, 7)));
        assertEquals(Decision.JOINED, stories.lastDecision().decision());
    }
}
