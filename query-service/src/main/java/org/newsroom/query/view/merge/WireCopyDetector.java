package org.newsroom.query.view.merge;

import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.text.Shingles;
import org.newsroom.query.view.text.Words;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Finds articles that carry the same copy: bottom-k MinHash sketches of their 5-word shingles estimate how much
 * text two articles share, so a rewritten wire story is caught without comparing every shingle.
 */
public final class WireCopyDetector {

    static final int SKETCH = 128;
    static final int SHINGLE = 5;
    /** Shared share of all shingles above which two articles are one copy. */
    static final double JACCARD = 0.3;
    /** Share of the shorter article found in the longer one above which it is a copy of it. */
    static final double CONTAINMENT = 0.5;
    /** Shorter texts say too little to call them copies. */
    static final int MIN_SHINGLES = 20;

    /** The bottom-k sketch of a text's shingles, and how many shingles it has. */
    public record Sketch(long[] minimum, int size) {
    }

    private final Function<String, Sketch> sketches;

    /** @param sketches {@link #sketch}, or a memo of it */
    public WireCopyDetector(Function<String, Sketch> sketches) {
        this.sketches = sketches;
    }

    /** For every pair of articles (canonical order), whether one copies the other. */
    public boolean[][] nearDuplicates(List<StoryArticle> articles) {
        Sketch[] sketches = articles.stream().map(a -> this.sketches.apply(a.text() == null ? "" : a.text()))
                .toArray(Sketch[]::new);
        boolean[][] duplicate = new boolean[articles.size()][articles.size()];
        for (int i = 0; i < sketches.length; i++) {
            for (int j = i + 1; j < sketches.length; j++) {
                if (copies(sketches[i], sketches[j])) {
                    duplicate[i][j] = true;
                    duplicate[j][i] = true;
                }
            }
        }
        return duplicate;
    }

    private static boolean copies(Sketch a, Sketch b) {
        if (Math.min(a.size(), b.size()) < MIN_SHINGLES) {
            return false;
        }
        double jaccard = jaccard(a.minimum(), b.minimum());
        double common = jaccard * (a.size() + b.size()) / (1 + jaccard);
        return jaccard >= JACCARD || common / Math.min(a.size(), b.size()) >= CONTAINMENT;
    }

    public static Sketch sketch(String text) {
        long[] shingles = Shingles.words(Words.tokens(text), SHINGLE);
        long[] mixed = new long[shingles.length];
        for (int i = 0; i < shingles.length; i++) {
            mixed[i] = Shingles.mix(shingles[i] ^ 0x9e3779b97f4a7c15L);
        }
        Arrays.sort(mixed);
        return new Sketch(Arrays.copyOf(mixed, Math.min(SKETCH, mixed.length)), shingles.length);
    }

    /** The share of the union's k smallest hashes that both sketches hold. */
    private static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int seen = 0;
        int both = 0;
        while (seen < SKETCH && (i < a.length || j < b.length)) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                i++;
            } else if (i >= a.length || b[j] < a[i]) {
                j++;
            } else {
                both++;
                i++;
                j++;
            }
            seen++;
        }
        return seen == 0 ? 0 : (double) both / seen;
    }
}
