package org.newsroom.assignment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.assignment.LookAlikeEventsTest.HARLOW_SHOOTING;
import static org.newsroom.assignment.LookAlikeEventsTest.MILLBROOK_SHOOTING;
import static org.newsroom.assignment.LookAlikeEventsTest.MILLBROOK_SHOOTING_OTHER_OUTLET;

/** Same inputs, same decision: across calls, candidate orders, and between equally good stories. */
class DeterminismTest {

    @Test
    void sameInputTwiceGivesIdenticalDecisions() {
        Reports.Stories stories = new Reports.Stories();
        stories.add(MILLBROOK_SHOOTING);
        stories.add(HARLOW_SHOOTING);
        List<Candidate> candidates = stories.candidates();
        StoryAssigner assigner = new StoryAssigner();
        Decision first = assigner.assign(MILLBROOK_SHOOTING_OTHER_OUTLET, candidates, null);
        ArticleFeatures recomputed = Reports.EMBEDDER.features(MILLBROOK_SHOOTING_OTHER_OUTLET.title(),
                MILLBROOK_SHOOTING_OTHER_OUTLET.lead(), MILLBROOK_SHOOTING_OTHER_OUTLET.entities(),
                MILLBROOK_SHOOTING_OTHER_OUTLET.quantities(), MILLBROOK_SHOOTING_OTHER_OUTLET.quotes(),
                MILLBROOK_SHOOTING_OTHER_OUTLET.publishedAt());
        assertEquals(MILLBROOK_SHOOTING_OTHER_OUTLET, recomputed, "embedding the same text twice");
        Decision again = new StoryAssigner().assign(recomputed, candidates, null);
        assertEquals(first, again);
        List<Candidate> reversed = new ArrayList<>(candidates);
        Collections.reverse(reversed);
        assertEquals(first, assigner.assign(MILLBROOK_SHOOTING_OTHER_OUTLET, reversed, null));
    }

    @Test
    void equallyGoodStoriesAreSeparatedByStoryId() {
        StoryProfile profile = StoryProfile.open(MILLBROOK_SHOOTING);
        UUID smaller = new UUID(1, 1);
        UUID larger = new UUID(1, 2);
        StoryAssigner assigner = new StoryAssigner();
        Decision forward = assigner.assign(MILLBROOK_SHOOTING_OTHER_OUTLET,
                List.of(new Candidate(larger, profile), new Candidate(smaller, profile)), null);
        Decision backward = assigner.assign(MILLBROOK_SHOOTING_OTHER_OUTLET,
                List.of(new Candidate(smaller, profile), new Candidate(larger, profile)), null);
        assertEquals(smaller, forward.storyId());
        assertEquals(larger, forward.runnerUpStoryId());
        assertEquals(forward, backward);
    }
}
