package org.newsroom.query.view.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the wording that represents a merged claim: the mention most like the others (the consensus, which a
 * garbled rewrite is not), preferring a complete sentence of reasonable length that states this claim alone.
 * Ties go to the earliest mention.
 */
public final class CanonicalWording {

    /** Centrality is measured against at most this many mentions, to bound the cost for big claims. */
    static final int PEERS = 16;

    private CanonicalWording() {
    }

    public static Mention choose(List<Mention> mentions) {
        Mention best = mentions.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        int peers = Math.min(PEERS, mentions.size());
        // The peers' likeness to each other, each pair worked out once: the word overlap is symmetric.
        double[][] likeness = new double[peers][peers];
        for (int i = 0; i < peers; i++) {
            Mention m = mentions.get(i);
            likeness[i][i] = ClaimSimilarity.wordsWithItself(m);
            for (int p = 0; p < i; p++) {
                double words = ClaimSimilarity.words(m, mentions.get(p));
                likeness[i][p] = words;
                likeness[p][i] = words;
            }
        }
        // Twins beyond the peers read alike: their likeness to the peers and their form are worked out once.
        Map<Integer, double[]> readings = new HashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            boolean peer = i < peers;
            double[] reading = peer ? reading(m, likeness[i]) : readings.computeIfAbsent(m.twin(), t -> {
                double[] row = new double[peers];
                for (int p = 0; p < peers; p++) {
                    row[p] = ClaimSimilarity.words(m, mentions.get(p));
                }
                return reading(m, row);
            });
            int count = peers - (peer ? 1 : 0);
            double centrality = peer ? reading[0] - likeness[i][i] : reading[0];
            double score = (count == 0 ? 0 : centrality / count) + reading[1] - 0.08 * (m.crowded() ? 1 : 0);
            if (score > bestScore + 1e-9) {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }

    /** A mention's summed likeness to the peers, given one by one, and the form of its wording. */
    private static double[] reading(Mention m, double[] likeness) {
        double total = 0;
        for (double words : likeness) {
            total += words;
        }
        double form = 0.04 * (sentence(m.claim().text(), m.isQuote()) ? 1 : 0)
                + 0.04 * (fitLength(m.claim().text()) ? 1 : 0);
        return new double[] {total, form};
    }

    /** Starts with a capital (or an opening quote) and ends like a sentence or a quotation; quotes may stop short. */
    static boolean sentence(String text, boolean quote) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        int start = 0;
        while (start < t.length() && "\"'\u201c\u2018".indexOf(t.charAt(start)) >= 0) {
            start++;
        }
        boolean opens = start < t.length()
                && (Character.isUpperCase(t.charAt(start)) || Character.isDigit(t.charAt(start)));
        char last = t.charAt(t.length() - 1);
        return opens && (quote || ".!?\"'\u201d\u2019".indexOf(last) >= 0);
    }

    /** Between 6 and 45 words, as {@code strip().split("\\s+")} counts them. */
    static boolean fitLength(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = start; i < end && words <= 45; i++) {
            char c = text.charAt(i);
            boolean delimiter = c == ' ' || c >= '\t' && c <= '\r';
            words += !delimiter && !inWord ? 1 : 0;
            inWord = !delimiter;
        }
        return words >= 6 && words <= 45;
    }

}
