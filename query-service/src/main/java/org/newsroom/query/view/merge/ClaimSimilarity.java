package org.newsroom.query.view.merge;

import org.newsroom.query.view.text.Shingles;

/**
 * How alike two mentions' wordings are, robust to paraphrase: overlap of normalised content words (the core),
 * character 4-gram overlap (spelling and inflection), and agreement of the figures they cite.
 */
public final class ClaimSimilarity {

    private ClaimSimilarity() {
    }

    /** Between 0 and 1, given the {@link #words} overlap of the two (which the caller has bounded the score by). */
    public static double of(Mention a, Mention b, double words) {
        // Character overlap counts up to a Jaccard index of one half: past that, its count need not be finished.
        double characters = Shingles.jaccardUpTo(a.shingles(), b.shingles(), 0.5);
        double score = 0.8 * words + 0.2 * Math.min(1, 2 * characters);
        return numbersAgree(a, b) ? score : score * 0.5;
    }

    /**
     * A cheap bound on {@link #of}, given the {@link #words} overlap: perfect character overlap. Never below the
     * score in floating point either: the character part only lowers a sum and a product that are rounded alike.
     */
    public static double upperBound(Mention a, Mention b, double words) {
        double score = 0.8 * words + 0.2;
        return numbersAgree(a, b) ? score : score * 0.5;
    }

    /** Below this many words, being contained in a longer wording proves little: few words fit anywhere. */
    static final int CONTAINED_TERMS = 6;

    /** Word overlap: Dice blended with containment, so a shorter paraphrase inside a longer one scores well. */
    public static double words(Mention a, Mention b) {
        int na = a.terms().length;
        int nb = b.terms().length;
        if (na == 0 || nb == 0) {
            return 0;
        }
        return words(na, nb, Shingles.common(a.terms(), b.terms()));
    }

    /** {@link #words} of a mention with itself, without comparing its terms. */
    public static double wordsWithItself(Mention a) {
        int n = a.terms().length;
        return n == 0 ? 0 : words(n, n, n);
    }

    private static double words(int na, int nb, int common) {
        double dice = 2.0 * common / (na + nb);
        if (Math.min(na, nb) < CONTAINED_TERMS) {
            return dice;
        }
        return 0.6 * dice + 0.4 * common / Math.min(na, nb);
    }

    /** Dice coefficient of content words alone: near 1 when two wordings differ only in negation. */
    public static double dice(Mention a, Mention b) {
        int na = a.terms().length;
        int nb = b.terms().length;
        return na + nb == 0 ? 0 : 2.0 * Shingles.common(a.terms(), b.terms()) / (na + nb);
    }

    /** True unless both cite figures and share none (within 10%). */
    static boolean numbersAgree(Mention a, Mention b) {
        if (a.numbers().length == 0 || b.numbers().length == 0) {
            return true;
        }
        for (double x : a.numbers()) {
            for (double y : b.numbers()) {
                if (Math.abs(x - y) <= 0.1 * Math.max(Math.abs(x), Math.abs(y))) {
                    return true;
                }
            }
        }
        return false;
    }
}
