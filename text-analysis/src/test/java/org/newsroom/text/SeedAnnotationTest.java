package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Precision and recall of quotes, speakers and quantities against the hand-annotated seed articles. */
class SeedAnnotationTest {
    private record Seed(JsonNode annotation, AnalyzedArticle result) {}

    private static final List<Seed> SEEDS = new ArrayList<>();

    @BeforeAll
    static void analyzeSeeds() throws Exception {
        JsonNode root = new ObjectMapper().readTree(TestAnalyzer.resource("seeds/annotations.json"));
        for (JsonNode a : root.path("articles")) {
            String text = TestAnalyzer.resource("seeds/" + a.path("file").asText());
            SEEDS.add(new Seed(a, TestAnalyzer.ANALYZER.analyze(new ArticleInput(a.path("title").asText(), text, null,
                    Instant.parse(a.path("publishedAt").asText())))));
        }
    }

    @Test
    void quoteRecallAndSpeakerAccuracy() {
        int gold = 0;
        int found = 0;
        int speakerCorrect = 0;
        List<String> misses = new ArrayList<>();
        for (Seed seed : SEEDS) {
            for (JsonNode q : seed.annotation().path("quotes")) {
                gold++;
                String needle = q.path("text").asText();
                Claim match = seed.result().claims().stream()
                        .filter(c -> c.kind() == ClaimKind.QUOTE && c.text().contains(needle)).findFirst().orElse(null);
                if (match == null) {
                    misses.add("missed: " + needle);
                    continue;
                }
                found++;
                if (sameSpeaker(q.path("speaker").asText(), match.speaker())) {
                    speakerCorrect++;
                } else {
                    misses.add("speaker " + match.speaker() + " for: " + needle);
                }
            }
        }
        double recall = (double) found / gold;
        double speakerAccuracy = (double) speakerCorrect / found;
        assertTrue(recall >= 0.85, "quote recall " + recall + " " + misses);
        assertTrue(speakerAccuracy >= 0.85, "speaker accuracy " + speakerAccuracy + " " + misses);
    }

    @Test
    void quotePrecision() {
        int predicted = 0;
        int correct = 0;
        List<String> wrong = new ArrayList<>();
        for (Seed seed : SEEDS) {
            for (Claim c : seed.result().claims()) {
                if (c.kind() != ClaimKind.QUOTE) {
                    continue;
                }
                predicted++;
                boolean annotated = false;
                for (JsonNode q : seed.annotation().path("quotes")) {
                    annotated |= c.text().contains(q.path("text").asText());
                }
                if (annotated) {
                    correct++;
                } else {
                    wrong.add(c.text());
                }
            }
        }
        double precision = (double) correct / predicted;
        assertTrue(precision >= 0.9, "quote precision " + precision + " " + wrong);
    }

    @Test
    void quantityPrecisionAndRecall() {
        int gold = 0;
        int found = 0;
        int predicted = 0;
        int correct = 0;
        List<String> errors = new ArrayList<>();
        for (Seed seed : SEEDS) {
            List<Quantity> quantities = seed.result().claims().stream()
                    .filter(c -> c.kind() == ClaimKind.QUANTITY).map(Claim::quantity).toList();
            List<Double> goldValues = new ArrayList<>();
            for (JsonNode q : seed.annotation().path("quantities")) {
                goldValues.add(q.path("value").asDouble());
            }
            gold += goldValues.size();
            List<Double> unmatchedGold = new ArrayList<>(goldValues);
            for (Quantity q : quantities) {
                predicted++;
                if (goldValues.contains(q.value())) {
                    correct++;
                } else {
                    errors.add("unexpected " + q);
                }
                if (unmatchedGold.remove(q.value())) {
                    found++;
                }
            }
            unmatchedGold.forEach(v -> errors.add("missed " + v + " in " + seed.annotation().path("file").asText()));
        }
        double precision = (double) correct / predicted;
        double recall = (double) found / gold;
        assertTrue(precision >= 0.95, "quantity precision " + precision + " " + errors);
        assertTrue(recall >= 0.85, "quantity recall " + recall + " " + errors);
    }

    @Test
    void everyOffsetMatchesItsTextAndNoClaimIsBoilerplate() {
        for (Seed seed : SEEDS) {
            String text = seed.result().text();
            for (Claim c : seed.result().claims()) {
                assertTrue(text.substring(c.start(), c.end()).equals(c.text()), "claim offsets " + c);
                assertTrue(!Boilerplate.looksLike(c.text()), "boilerplate claim " + c.text());
                for (DateMention d : c.dates()) {
                    assertTrue(text.substring(d.start(), d.end()).equals(d.text()), "date offsets " + d);
                }
            }
            for (Entity e : seed.result().entities()) {
                for (Mention m : e.mentions()) {
                    assertTrue(text.substring(m.start(), m.end()).equals(m.text()), "mention offsets " + m);
                }
            }
            for (Sentence s : seed.result().sentences()) {
                assertTrue(s.start() < s.end() && s.end() <= text.length(), "sentence " + s);
            }
            assertOrdered(seed.result());
        }
    }

    private static void assertOrdered(AnalyzedArticle a) {
        for (int i = 1; i < a.claims().size(); i++) {
            assertTrue(a.claims().get(i - 1).start() <= a.claims().get(i).start(), "claims ordered");
        }
        for (int i = 1; i < a.sentences().size(); i++) {
            assertTrue(a.sentences().get(i - 1).end() <= a.sentences().get(i).start(), "sentences ordered");
        }
    }

    static boolean sameSpeaker(String expected, String predicted) {
        if (predicted == null) {
            return false;
        }
        String[] e = expected.toLowerCase(Locale.ROOT).split("\\s+");
        String[] p = predicted.toLowerCase(Locale.ROOT).split("\\s+");
        return e[e.length - 1].equals(p[p.length - 1]);
    }
}
