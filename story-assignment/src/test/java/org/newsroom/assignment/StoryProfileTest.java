package org.newsroom.assignment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.assignment.LookAlikeEventsTest.MILLBROOK_SHOOTING;
import static org.newsroom.assignment.LookAlikeEventsTest.MILLBROOK_SHOOTING_OTHER_OUTLET;

/** A story profile survives a JSON round trip unchanged and stays bounded however many articles join. */
class StoryProfileTest {

    @Test
    void jsonRoundTripGivesAnEqualProfile() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        StoryProfile profile = StoryProfile.open(MILLBROOK_SHOOTING).with(MILLBROOK_SHOOTING_OTHER_OUTLET);
        StoryProfile read = json.readValue(json.writeValueAsString(profile), StoryProfile.class);
        assertEquals(profile, read);
        assertEquals(2, read.articleCount());
        assertEquals(MILLBROOK_SHOOTING.title(), read.headline());
    }

    @Test
    void profileStaysBoundedAsArticlesJoin() {
        StoryProfile profile = StoryProfile.open(MILLBROOK_SHOOTING);
        for (int i = 0; i < 500; i++) {
            List<String> entities = new ArrayList<>();
            List<String> quantities = new ArrayList<>();
            for (int e = 0; e < 30; e++) {
                entities.add("Name" + i + "x" + e);
                quantities.add(i + e + " people");
            }
            profile = profile.with(new ArticleFeatures("t", "l", entities, quantities,
                    List.of("a quotation that has quite a few words in it number " + i),
                    Instant.parse("2031-05-06T00:00:00Z"), MILLBROOK_SHOOTING.embedding()));
        }
        assertEquals(501, profile.articleCount());
        assertTrue(profile.entityWeights().size() <= StoryProfile.MAX_ENTITIES);
        assertTrue(profile.quantities().size() <= StoryProfile.MAX_QUANTITIES);
        assertTrue(profile.quoteFingerprints().size() <= StoryProfile.MAX_QUOTE_FINGERPRINTS);
        assertEquals(Instant.parse("2031-05-06T00:00:00Z"), profile.lastPublishedAt());
    }
}
