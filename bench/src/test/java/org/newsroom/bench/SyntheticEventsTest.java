package org.newsroom.bench;

import org.junit.jupiter.api.Test;
import org.newsroom.events.EventMetadata;
import org.newsroom.events.NewEvent;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.events.StoryEvent.MentionData;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticEventsTest {

    private static final String TEXT = "Officials said on Monday that 12 people were hurt when the bridge collapsed. "
            + "\"We are still searching the river,\" the fire chief told reporters near the crossing.";
    private static final UUID ARTICLE = UUID.randomUUID();

    private static SyntheticEvents fromOneArticle() {
        int quoteStart = TEXT.indexOf('"');
        ClaimData quote = new ClaimData("c1", "quote", TEXT.substring(quoteStart), quoteStart, TEXT.length(),
                "fire chief", "told", List.of(), false, null, List.of());
        EntityData bridge = new EntityData("bridge", "place", List.of(),
                List.of(new MentionData(TEXT.indexOf("bridge"), TEXT.indexOf("bridge") + 6, "bridge")));
        Instant at = Instant.parse("2026-11-30T08:00:00Z");
        ArticleIngested ingested = new ArticleIngested(ARTICLE, 1, "Example Times", "https://example.org/a", "Bridge",
                at, at, "hash", TEXT, null, List.of());
        ClaimsExtracted extracted = new ClaimsExtracted(ARTICLE, 1, List.of(quote), List.of(bridge));
        EventMetadata metadata = new EventMetadata(ARTICLE, null, "text-analysis/1");
        return SyntheticEvents.from(List.of(
                new RecordedEvent(1, "story-x", 1, UUID.randomUUID(), 1, ingested, metadata, at, 1),
                new RecordedEvent(2, "story-x", 2, UUID.randomUUID(), 2, extracted, metadata, at, 1)));
    }

    @Test
    void aRewordedTextKeepsItsLengthItsShortWordsItsCapitalsAndItsPunctuation() {
        SyntheticEvents synthetic = fromOneArticle();
        String reworded = synthetic.reworded(TEXT, 7);
        assertEquals(TEXT.length(), reworded.length());
        assertNotEquals(TEXT, reworded);
        int changed = 0;
        int words = 0;
        Matcher word = Pattern.compile("[A-Za-z]+").matcher(TEXT);
        while (word.find()) {
            String was = word.group();
            String now = reworded.substring(word.start(), word.end());
            assertTrue(now.matches("[A-Za-z]+"), now);
            assertEquals(Character.isUpperCase(was.charAt(0)), Character.isUpperCase(now.charAt(0)), was + " " + now);
            if (was.length() < 4) {
                assertEquals(was, now, "words under four letters stay");
            } else {
                words++;
                changed += was.equals(now) ? 0 : 1;
            }
        }
        assertEquals(TEXT.replaceAll("[A-Za-z]", "x"), reworded.replaceAll("[A-Za-z]", "x"), "all but letters stay");
        assertTrue(changed > 0 && changed < words, changed + " of " + words + " words changed");
    }

    @Test
    void theSameSeedGivesTheSameTextAndOtherSeedsOtherTexts() {
        SyntheticEvents synthetic = fromOneArticle();
        assertEquals(synthetic.reworded(TEXT, 3), synthetic.reworded(TEXT, 3));
        Set<String> texts = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            texts.add(synthetic.reworded(TEXT, seed));
        }
        assertEquals(50, texts.size(), "fifty seeds, fifty texts");
    }

    @Test
    void eachArticleHasItsOwnTextAndItsClaimsAndMentionsTakeTheirTextsFromIt() {
        SyntheticEvents synthetic = fromOneArticle();
        UUID story = UUID.randomUUID();
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<NewEvent> events = synthetic.article(story, i == 0);
            ArticleIngested ingested = events.stream().map(NewEvent::event)
                    .filter(ArticleIngested.class::isInstance).map(ArticleIngested.class::cast)
                    .findFirst().orElseThrow();
            ClaimsExtracted extracted = events.stream().map(NewEvent::event)
                    .filter(ClaimsExtracted.class::isInstance).map(ClaimsExtracted.class::cast)
                    .findFirst().orElseThrow();
            texts.add(ingested.text());
            assertNull(extracted.claims().get(0).text(), "left out, to be read from the article's text");
            assertNull(extracted.entities().get(0).mentions().get(0).text());
            ClaimData quote = extracted.withTextsOf(ingested.text()).claims().get(0);
            assertEquals(ingested.text().substring(quote.start(), quote.end()), quote.text());
            assertEquals(i == 0, events.get(0).event() instanceof StoryEvent.StoryOpened);
        }
        assertEquals(20, texts.size());
    }
}
