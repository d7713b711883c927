package org.newsroom.assignment;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Assignment cost per article grows with the candidates passed, not with all stories ever: printed, not asserted. */
class AssignmentCostTest {

    private static final int ARTICLES = 200;
    /** Distinct names in a few weeks of news. */
    private static final int VOCABULARY = 20_000;

    @Test
    void printsPerArticleTimeFor10And1000Candidates() {
        Random random = new Random(42);
        Instant now = Instant.parse("2031-01-15T00:00:00Z");
        List<ArticleFeatures> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(randomArticle(random, now));
        }
        List<Candidate> allStories = new ArrayList<>();
        for (int s = 0; s < 1000; s++) {
            StoryProfile profile = StoryProfile.open(randomArticle(random, now));
            for (int more = 0; more < 4; more++) {
                profile = profile.with(randomArticle(random, now));
            }
            allStories.add(new Candidate(new UUID(0, s), profile));
        }
        // The first two rounds warm the JIT up; the last two are the ones to read.
        for (int candidates : new int[] {10, 1000, 10, 1000}) {
            List<Candidate> stories = allStories.subList(0, candidates);
            StoryAssigner assigner = new StoryAssigner();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (ArticleFeatures article : articles) {
                assertNotNull(assigner.assign(article, stories, null).decision());
            }
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / ARTICLES;
            double micros = (System.nanoTime() - start) / 1e3 / ARTICLES;
            System.out.printf("assignment against %4d candidates: %8.1f µs CPU per article (%.2f µs per candidate),"
                    + " %8.1f µs elapsed%n", candidates, cpuMicros, cpuMicros / candidates, micros);
        }
    }

    /** A random article: 384-dimensional embedding, 15 entities out of the names in recent news, figures and quotes. */
    private static ArticleFeatures randomArticle(Random random, Instant now) {
        float[] embedding = new float[ArticleEmbedder.DIMENSION];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = (float) random.nextGaussian();
        }
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            int person = random.nextInt(VOCABULARY);
            entities.add("Given" + person + " Surname" + person);
        }
        List<String> quantities = List.of(random.nextInt(1000) + " killed", random.nextInt(1000) + " wounded");
        List<String> quotes = List.of("quote number " + random.nextInt(100000) + " was said by someone today");
        return new ArticleFeatures("title", "lead", entities, quantities, quotes,
                now.minus(Duration.ofHours(random.nextInt(24 * 5))), embedding);
    }
}
