package org.newsroom.query.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.newsroom.events.EventCodec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guarantees that hold for any story: exact provenance, order independence, stable claim ids. */
class StoryViewPropertiesTest {

    private final ObjectMapper mapper = new EventCodec().mapper();

    @Test
    void everyMentionSlicesItsArticleTextExactly() {
        List<StoryArticle> articles = SeedStory.articles();
        Map<java.util.UUID, String> texts = articles.stream()
                .collect(Collectors.toMap(StoryArticle::id, StoryArticle::text));
        StoryView view = TestArticles.build(articles);
        int checked = 0;
        for (StoryView.MergedClaim claim : view.claims()) {
            for (StoryView.MentionView m : claim.mentions()) {
                assertEquals(m.text(), texts.get(m.articleId()).substring(m.start(), m.end()));
                checked++;
            }
        }
        for (StoryView.Contradiction c : view.contradictions()) {
            for (StoryView.MentionView m : c.mentions()) {
                assertEquals(m.text(), texts.get(m.articleId()).substring(m.start(), m.end()));
            }
        }
        assertTrue(checked > 20);
    }

    @Test
    void anyOrderOfArticlesGivesByteIdenticalJson() throws Exception {
        List<StoryArticle> articles = new ArrayList<>(SeedStory.articles());
        String expected = mapper.writeValueAsString(TestArticles.build(articles));
        Random random = new Random(7);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(articles, random);
            List<StoryArticle> shuffled = articles.stream().map(a -> withShuffledClaims(a, random)).toList();
            assertEquals(expected, mapper.writeValueAsString(TestArticles.build(shuffled)));
        }
    }

    @Test
    void aBuildThatKeepsNothingByArticleGivesTheSameJson() throws Exception {
        List<StoryArticle> articles = SeedStory.articles();
        StoryViewBuilder builder = new StoryViewBuilder();
        java.util.UUID story = java.util.UUID.randomUUID();
        java.time.Instant asOf = java.time.Instant.parse("2022-01-11T00:00:00Z");
        String kept = mapper.writeValueAsString(builder.build(story, "h", 5, asOf, articles));
        assertEquals(kept, mapper.writeValueAsString(builder.build(story, "h", 5, asOf, articles, false)));
        assertEquals(kept, mapper.writeValueAsString(new StoryViewBuilder().build(story, "h", 5, asOf, articles, false)));
        assertEquals(kept, mapper.writeValueAsString(builder.build(story, "h", 5, asOf, articles)), "and again");
    }

    @Test
    void claimIdsStayWhenALaterArticleJoins() {
        List<StoryArticle> all = SeedStory.articles();
        StoryArticle latest = all.stream().max(Comparator.comparing(StoryArticle::publishedAt)).orElseThrow();
        StoryView before = TestArticles.build(all.stream().filter(a -> a != latest).toList());
        StoryView after = TestArticles.build(all);

        Map<String, StoryView.MergedClaim> afterById = after.claims().stream()
                .collect(Collectors.toMap(StoryView.MergedClaim::id, c -> c));
        for (StoryView.MergedClaim claim : before.claims()) {
            StoryView.MergedClaim grown = afterById.get(claim.id());
            assertNotNull(grown, () -> "claim id changed: " + claim);
            assertTrue(grown.mentions().containsAll(claim.mentions()), () -> "claim lost mentions: " + claim);
        }
        assertTrue(after.claims().stream().anyMatch(c -> c.mentions().size() > 1
                && c.mentions().stream().anyMatch(m -> m.articleId().equals(latest.id()))
                && before.claims().stream().anyMatch(b -> b.id().equals(c.id()))),
                "the latest article joined an existing claim");
    }

    @Test
    void aBuilderThatRemembersEarlierBuildsGivesTheViewOfAFreshOne() throws Exception {
        // The projector's builder keeps what it worked out for a story between builds (pair answers, readings):
        // growing, revised and shrinking stories must still get exactly the view a fresh builder gives.
        List<StoryArticle> seeds = SeedStory.articles();
        List<StoryArticle> story = new ArrayList<>();
        StoryViewBuilder remembering = new StoryViewBuilder();
        Random random = new Random(3);
        for (int step = 0; step < 24; step++) {
            StoryArticle seed = seeds.get(random.nextInt(seeds.size()));
            if (step % 7 == 6) {
                // A revision: the same article with a sentence added at the end, so its claims keep their offsets.
                StoryArticle old = story.remove(random.nextInt(story.size()));
                story.add(new StoryArticle(old.id(), old.outlet(), old.title(), old.url(), old.publishedAt(),
                        old.text() + " A correction was appended.", old.wireCredits(), old.claims(), old.entities()));
            } else if (step % 11 == 10) {
                story.remove(random.nextInt(story.size()));
            } else {
                story.add(new StoryArticle(new java.util.UUID(step, 7), seed.outlet() + (step % 3), seed.title(),
                        null, seed.publishedAt().plusSeconds(step), seed.text(), seed.wireCredits(), seed.claims(),
                        seed.entities()));
            }
            String expected = mapper.writeValueAsString(TestArticles.build(story));
            String actual = mapper.writeValueAsString(
                    remembering.build(TestArticles.STORY, "A story", 1, TestArticles.T0, story));
            assertEquals(expected, actual, "step " + step);
        }
    }

    private static StoryArticle withShuffledClaims(StoryArticle a, Random random) {
        List<org.newsroom.events.StoryEvent.ClaimData> claims = new ArrayList<>(a.claims());
        Collections.shuffle(claims, random);
        List<org.newsroom.events.StoryEvent.EntityData> entities = new ArrayList<>(a.entities());
        Collections.shuffle(entities, random);
        return new StoryArticle(a.id(), a.outlet(), a.title(), a.url(), a.publishedAt(), a.text(), a.wireCredits(),
                claims, entities);
    }

}
