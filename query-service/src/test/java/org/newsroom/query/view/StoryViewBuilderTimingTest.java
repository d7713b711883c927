package org.newsroom.query.view;

import org.junit.jupiter.api.Test;
import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.events.StoryEvent.QuantityData;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Prints how long a big story takes to build: 100 articles of 40 claims each. Measures; asserts no time. */
class StoryViewBuilderTimingTest {

    private static final String[] SYLLABLES = "ka lo mi ren tu sa vel dor pi an ber co ti mun gal es ra ni pol ve"
            .split(" ");
    private static final String[] FUNCTION_WORDS = "the of and to in a that said on for with was would".split(" ");
    /** A vocabulary of made-up words drawn with Zipf's law, as words in news are. */
    private static final String[] WORDS = vocabulary(new Random(1), 3000);
    private static final double[] ZIPF = zipf(WORDS.length);
    private static final String[] SPEAKERS = {"Anna Varga", "Peter Lund", "Maria Costa", "John Okafor",
            "Li Wei", "Sara Haddad", "Tom Becker", "Nina Petrova", "Omar Said", "Eva Novak"};
    private static final String[] UNITS = {"people killed", "people injured", "people detained", "troops",
            "homes destroyed", "people evacuated", "vehicles", "schools closed"};

    @Test
    void printsTheBuildTimeOfAHundredArticlesOfFortyClaims() {
        List<StoryArticle> articles = story(new Random(42));
        StoryViewBuilder builder = new StoryViewBuilder();
        for (int i = 0; i < 5; i++) {
            builder.build(TestArticles.STORY, "big", 1, TestArticles.T0, articles);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[7];
        long[] cpu = new long[wall.length];
        StoryView view = null;
        for (int i = 0; i < wall.length; i++) {
            long startWall = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            view = builder.build(TestArticles.STORY, "big", 1, TestArticles.T0, articles);
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            wall[i] = System.nanoTime() - startWall;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        // CPU time is printed too: on a shared machine the wall clock also measures the neighbours.
        System.out.printf("StoryViewBuilder: %d articles x 40 claims -> %d claims, %d contradictions; "
                        + "median %.1f ms wall, %.1f ms CPU (best %.1f ms wall)%n", articles.size(),
                view.claims().size(), view.contradictions().size(), wall[wall.length / 2] / 1e6,
                cpu[cpu.length / 2] / 1e6, wall[0] / 1e6);
        assertFalse(view.claims().isEmpty());
    }

    /** Each article paraphrases some of 120 shared statements, and reports some of 30 shared figures. */
    private static List<StoryArticle> story(Random random) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            statements.add(sentence(random, 12 + random.nextInt(10)));
        }
        List<StoryArticle> articles = new ArrayList<>();
        for (int a = 0; a < 100; a++) {
            StringBuilder text = new StringBuilder();
            List<ClaimData> claims = new ArrayList<>();
            for (int c = 0; c < 40; c++) {
                String sentence;
                QuantityData quantity = null;
                String kind;
                String speaker = null;
                if (c % 4 == 3) {
                    int figure = random.nextInt(30);
                    double value = 10 + figure * 37 + random.nextInt(5);
                    String unit = UNITS[figure % UNITS.length];
                    sentence = "Officials said " + (int) value + " " + unit + " near " + WORDS[figure] + ".";
                    quantity = new QuantityData(value, value, value, unit, random.nextBoolean() ? "about" : null);
                    kind = "QUANTITY";
                } else {
                    int s = random.nextInt(statements.size());
                    sentence = paraphrase(statements.get(s), random);
                    kind = s % 3 == 0 ? "STATEMENT" : s % 3 == 1 ? "QUOTE" : "REPORTED";
                    speaker = kind.equals("STATEMENT") ? null : SPEAKERS[s % SPEAKERS.length];
                }
                int start = text.length();
                text.append(sentence).append(' ');
                claims.add(new ClaimData("c" + c, kind, sentence, start, start + sentence.length(), speaker, null,
                        List.of(), false, quantity, List.of()));
            }
            List<EntityData> entities = Arrays.stream(SPEAKERS)
                    .map(n -> new EntityData(n, "PERSON", List.of(n.split(" ")[1]), List.of())).toList();
            UUID id = UUID.nameUUIDFromBytes(("timing" + a).getBytes(StandardCharsets.UTF_8));
            articles.add(new StoryArticle(id, "Outlet " + (a % 40), "t", null, TestArticles.T0.plusSeconds(60L * a),
                    text.toString(), a % 5 == 0 ? List.of("AP") : List.of(), claims, entities));
        }
        return articles;
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder("The");
        for (int i = 0; i < words; i++) {
            s.append(' ').append(i % 3 == 2 ? FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)] : word(random));
        }
        return s.append('.').toString();
    }

    private static String word(Random random) {
        int at = Arrays.binarySearch(ZIPF, random.nextDouble());
        return WORDS[Math.min(WORDS.length - 1, at < 0 ? -at - 1 : at)];
    }

    private static String[] vocabulary(Random random, int size) {
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < 2 + random.nextInt(3); s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i] = w.toString();
        }
        return words;
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** Drops and swaps a few words, as a rewrite would. */
    private static String paraphrase(String statement, Random random) {
        List<String> words = new ArrayList<>(List.of(statement.substring(0, statement.length() - 1).split(" ")));
        for (int i = 0; i < 3; i++) {
            int at = 1 + random.nextInt(words.size() - 1);
            if (random.nextBoolean()) {
                words.remove(at);
            } else {
                words.set(at, word(random));
            }
        }
        return String.join(" ", words) + ".";
    }
}
