package org.newsroom.query.view.merge;

import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.text.Shingles;
import org.newsroom.query.view.text.Words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /** Stories whose pair results are remembered: a growing story compares only its new articles. */
    static final int REMEMBERED_STORIES = 256;

    private final Function<String, Sketch> sketches;
    private final Map<UUID, Pairs> remembered = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Pairs> eldest) {
                    return size() > REMEMBERED_STORIES;
                }
            });

    /** @param sketches {@link #sketch}, or a memo of it */
    public WireCopyDetector(Function<String, Sketch> sketches) {
        this.sketches = sketches;
    }

    /**
     * For every article of a story (canonical order), the set of the articles (by the same indexes) whose copy it
     * shares. Whether two articles share their copy depends on their two texts alone, so the answers for the pairs
     * of articles this story had at its last build are kept and only the pairs with a new article are compared.
     */
    public BitSet[] nearDuplicates(UUID story, List<StoryArticle> articles) {
        return nearDuplicates(story, articles, true);
    }

    /**
     * {@link #nearDuplicates(UUID, List)}, with the pair answers kept for the story's next build only if
     * {@code remember}, and only then with the sketch function given (a memo): a replay builds each story once.
     */
    public BitSet[] nearDuplicates(UUID story, List<StoryArticle> articles, boolean remember) {
        if (!remember) {
            // nor the texts' sketches: no later build asks for them
            return new Pairs(WireCopyDetector::sketch).update(articles);
        }
        Pairs pairs = remembered.computeIfAbsent(story, s -> new Pairs(sketches));
        synchronized (pairs) {
            return pairs.update(articles);
        }
    }

    /** The pair answers of one story, by slot (articles in the order they were first compared). */
    private static final class Pairs {
        private final Function<String, Sketch> sketches;
        private final Map<UUID, Integer> slots = new HashMap<>();
        private final List<String> texts = new ArrayList<>();
        private final List<Sketch> sketched = new ArrayList<>();
        private final List<BitSet> copies = new ArrayList<>();

        Pairs(Function<String, Sketch> sketches) {
            this.sketches = sketches;
        }

        BitSet[] update(List<StoryArticle> articles) {
            int[] slotOf = new int[articles.size()];
            boolean stale = false;
            for (int i = 0; i < articles.size() && !stale; i++) {
                StoryArticle a = articles.get(i);
                Integer slot = slots.get(a.id());
                slotOf[i] = slot == null ? -1 : slot;
                stale = slot != null && !texts.get(slot).equals(text(a));
            }
            if (stale || slots.size() > articles.size()) {
                // A revised text, or an article gone: start over (rare; the answers so far stay correct otherwise).
                slots.clear();
                texts.clear();
                sketched.clear();
                copies.clear();
                Arrays.fill(slotOf, -1);
            }
            for (int i = 0; i < articles.size(); i++) {
                if (slotOf[i] >= 0) {
                    continue;
                }
                StoryArticle a = articles.get(i);
                int slot = texts.size();
                Sketch sketch = sketches.apply(text(a));
                BitSet row = new BitSet();
                for (int other = 0; other < slot; other++) {
                    if (copies(sketch, sketched.get(other))) {
                        row.set(other);
                        copies.get(other).set(slot);
                    }
                }
                slots.put(a.id(), slot);
                texts.add(text(a));
                sketched.add(sketch);
                copies.add(row);
                slotOf[i] = slot;
            }
            int[] indexOf = new int[texts.size()];
            Arrays.fill(indexOf, -1);
            for (int i = 0; i < slotOf.length; i++) {
                indexOf[slotOf[i]] = i;
            }
            BitSet[] result = new BitSet[articles.size()];
            for (int i = 0; i < articles.size(); i++) {
                BitSet row = new BitSet(articles.size());
                BitSet known = copies.get(slotOf[i]);
                for (int s = known.nextSetBit(0); s >= 0; s = known.nextSetBit(s + 1)) {
                    if (indexOf[s] >= 0) {
                        row.set(indexOf[s]);
                    }
                }
                result[i] = row;
            }
            return result;
        }
    }

    private static String text(StoryArticle a) {
        return a.text() == null ? "" : a.text();
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
        Shingles.Smallest smallest = Shingles.smallestWords(Words.tokenHashes(text), SHINGLE, 0x9e3779b97f4a7c15L,
                SKETCH);
        return new Sketch(smallest.values(), smallest.distinct());
    }

    /** The share of the union's k smallest hashes that both sketches hold. */
    static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int seen = 0;
        int both = 0;
        // Without branches on the comparison, which no predictor guesses: each step moves past the smaller, or both.
        while (seen < SKETCH && i < a.length && j < b.length) {
            long x = a[i];
            long y = b[j];
            both += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += x >= y ? 1 : 0;
            seen++;
        }
        // Once one side is done, each step takes one of the other's: none of them is in both.
        seen = Math.min(SKETCH, seen + (a.length - i) + (b.length - j));
        return seen == 0 ? 0 : (double) both / seen;
    }
}
