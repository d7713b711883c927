package org.newsroom.query.view.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tokens and shingles, written for speed, against plain forms of the same definitions (as they were first
 * written): on the seeds, sentence by sentence and whole, and on random text rich in what the rules turn on
 * (capitals, letters beyond ASCII, apostrophes, digit groups, runs of spaces and punctuation).
 */
class PlainFormsTest {

    static String plainNormal(String text) {
        StringBuilder normal = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                normal.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                normal.append(' ');
                space = true;
            }
        }
        return normal.toString();
    }

    static int[] plainCharacters(String text, int n) {
        String normal = plainNormal(text);
        int count = Math.max(0, normal.length() - n + 1);
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = normal.substring(i, i + n).hashCode();
        }
        return IntStream.of(hashes).sorted().distinct().toArray();
    }

    static List<String> plainTokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean apostrophe = c == '\'' || c == '\u2019' || c == '\u2018';
            if (Character.isLetterOrDigit(c)) {
                current.append(Character.toLowerCase(c));
            } else if (apostrophe && current.length() > 0 && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                current.append('\'');
            } else if ((c == ',' || c == '.') && current.length() > 0
                    && Character.isDigit(current.charAt(current.length() - 1))
                    && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                if (c == '.') {
                    current.append('.');
                }
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    static long[] plainWordShingles(List<String> tokens, int n, long salt) {
        int count = Math.max(0, tokens.size() - n + 1);
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 1125899906842597L;
            for (int j = 0; j < n; j++) {
                h = Shingles.mix(h * 31 + tokens.get(i + j).hashCode());
            }
            hashes[i] = h;
        }
        long[] distinct = LongStream.of(hashes).sorted().distinct().toArray();
        long[] mixed = new long[distinct.length];
        for (int i = 0; i < distinct.length; i++) {
            mixed[i] = Shingles.mix(distinct[i] ^ salt);
        }
        Arrays.sort(mixed);
        return mixed;
    }

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        ClassLoader loader = PlainFormsTest.class.getClassLoader();
        for (JsonNode article : new ObjectMapper().readTree(loader.getResource("seeds/claims.json")).get("articles")) {
            try (InputStream in = loader.getResourceAsStream("seeds/" + article.get("file").asText())) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                texts.add(text);
                texts.addAll(Arrays.asList(text.split("(?<=[.!?\"])\\s+")));
            }
        }
        String alphabet = "aAbBzZ09 5,.'\u2019\u2018-\n\t\"\u00e9\u00c9\u00df\u0130\u03a3\u2003!?";
        Random random = new Random(42);
        for (int t = 0; t < 2_000; t++) {
            char[] chars = new char[random.nextInt(60)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            texts.add(new String(chars));
        }
        texts.add("He won't say it can't be; they cannot, didn't and ain't. Nobody's sure, it's NOT so, never.");
        texts.add("In the 1990's 3.5 of 2,030.5 and 1.2.3 rose 40% n't 'tis l'homme O’Brien’s x'");
        texts.add("");
        texts.add("abc");
        texts.add("   ");
        return texts;
    }

    @Test
    void tokensAndTheirHashesAreThePlainTokens() throws IOException {
        for (String text : texts()) {
            List<String> plain = plainTokens(text);
            assertEquals(plain, Words.tokens(text), text);
            assertArrayEquals(plain.stream().mapToInt(String::hashCode).toArray(), Words.tokenHashes(text), text);
        }
    }

    @Test
    void readingsAreThePlainOnes() throws IOException {
        // twice over: the second time every token's reading comes from what the first one remembered
        for (int round = 0; round < 2; round++) {
            for (String text : texts()) {
                assertEquals(plainRead(text), Words.read(text), text);
            }
        }
    }

    /** Each token expanded, negators noted, figures kept as they are, stopwords dropped, the rest made terms. */
    private static Words.Reading plainRead(String text) {
        List<String> terms = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        boolean negated = false;
        for (String token : plainTokens(text)) {
            for (String word : Words.expand(token)) {
                if (EnglishLexicon.NEGATORS.contains(word)) {
                    negated = true;
                } else if (Character.isDigit(word.charAt(0))) {
                    terms.add(word);
                    numbers.add(plainNumber(word));
                } else if (!EnglishLexicon.STOPWORDS.contains(word)) {
                    terms.add(Words.term(word));
                }
            }
        }
        return new Words.Reading(terms, negated, numbers);
    }

    private static double plainNumber(String digits) {
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Test
    void characterShinglesAreThePlainOnes() throws IOException {
        List<String> texts = texts();
        for (String text : texts) {
            for (int n : new int[] {1, 3, 4}) {
                assertArrayEquals(plainCharacters(text, n), Shingles.characters(text, n).sorted(), n + ": " + text);
            }
        }
    }

    @Test
    void characterOverlapsAreThePlainOnes() throws IOException {
        List<String> texts = texts();
        for (int i = 1; i < texts.size(); i++) {
            Set<Integer> a = plainSet(plainCharacters(texts.get(i - 1), 4));
            Set<Integer> b = plainSet(plainCharacters(texts.get(i), 4));
            Set<Integer> both = new HashSet<>(a);
            both.retainAll(b);
            assertEquals(both.size(), Shingles.characters(texts.get(i - 1), 4)
                    .common(Shingles.characters(texts.get(i), 4)), texts.get(i));
        }
    }

    /**
     * The counts that stop early give what the full count gives: the index capped, and the index against a
     * threshold, on overlapping sets of every size from empty up, at the thresholds the merger uses and around them.
     */
    @Test
    void stoppedOverlapsDecideAsTheFullOne() {
        Random random = new Random(11);
        double[] thresholds = {0, 0.25, 1.0 / 3, 0.5, 0.5 + 1e-12, 0.8, 0.8 - 1e-12, 0.999, 1};
        for (int round = 0; round < 3_000; round++) {
            int shared = random.nextInt(60);
            int[] a = new int[shared + random.nextInt(40)];
            int[] b = new int[shared + random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = i < shared ? i + 1 : 1_000 + i;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = i < shared ? i + 1 : 2_000 + i;
            }
            Shingles.IntSet x = new Shingles.IntSet(a.clone(), a.length);
            Shingles.IntSet y = new Shingles.IntSet(b.clone(), b.length);
            assertEquals(shared, x.common(y));
            double full = a.length + b.length == 0 ? 0 : (double) shared / (a.length + b.length - shared);
            for (double t : thresholds) {
                assertEquals(Math.min(t, full), Shingles.jaccardUpTo(x, y, t), a.length + " " + b.length + " " + t);
                assertEquals(full >= t, Shingles.jaccardAtLeast(x, y, t), a.length + " " + b.length + " " + t);
                assertEquals(full >= t, Shingles.jaccardAtLeast(y, x, t), a.length + " " + b.length + " " + t);
            }
        }
    }

    @Test
    void intSetsHoldEachValueOnceWhateverItIs() {
        Random random = new Random(3);
        for (int round = 0; round < 500; round++) {
            int count = random.nextInt(300);
            int[] values = new int[count];
            for (int i = 0; i < count; i++) {
                // few distinct values, 0 and the extremes among them, many landing in the same slots
                values[i] = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                    case 2 -> random.nextInt(40) << 26;
                    default -> random.nextInt();
                };
            }
            Set<Integer> plain = plainSet(values);
            Shingles.IntSet set = new Shingles.IntSet(values.clone(), count);
            assertEquals(plain.size(), set.size());
            assertArrayEquals(plain.stream().mapToInt(Integer::intValue).sorted().toArray(), set.sorted());
            for (int probe : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 5 << 26}) {
                assertEquals(plain.contains(probe), set.contains(probe), "contains " + probe);
            }
        }
    }

    private static Set<Integer> plainSet(int[] values) {
        Set<Integer> set = new HashSet<>();
        for (int v : values) {
            set.add(v);
        }
        return set;
    }

    @Test
    void wordShinglesAreThePlainOnes() throws IOException {
        for (String text : texts()) {
            long salt = 0x9e3779b97f4a7c15L;
            long[] plain = plainWordShingles(plainTokens(text), 5, salt);
            // k below a fifth of the shingles takes the way through the bound; the others sort them all
            for (int k : new int[] {1, 3, 20, 128, 100_000}) {
                Shingles.Smallest smallest = Shingles.smallestWords(Words.tokenHashes(text), 5, salt, k);
                assertArrayEquals(Arrays.copyOf(plain, Math.min(k, plain.length)), smallest.values(), k + ": " + text);
                assertEquals(plain.length, smallest.distinct(), text);
            }
        }
    }
}
