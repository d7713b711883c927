package org.newsroom.query.view.merge;

import java.util.List;

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
        List<Mention> peers = mentions.subList(0, Math.min(PEERS, mentions.size()));
        for (Mention m : mentions) {
            double centrality = 0;
            int count = 0;
            for (Mention peer : peers) {
                if (peer != m) {
                    centrality += ClaimSimilarity.words(m, peer);
                    count++;
                }
            }
            double score = (count == 0 ? 0 : centrality / count) + 0.04 * (sentence(m.claim().text(), m.isQuote()) ? 1 : 0)
                    + 0.04 * (fitLength(m.claim().text()) ? 1 : 0) - 0.08 * (m.crowded() ? 1 : 0);
            if (score > bestScore + 1e-9) {
                best = m;
                bestScore = score;
            }
        }
        return best;
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

    private static boolean fitLength(String text) {
        int words = text.strip().split("\\s+").length;
        return words >= 6 && words <= 45;
    }
}
