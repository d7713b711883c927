package org.newsroom.query.view.merge;

import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.text.EnglishLexicon;
import org.newsroom.query.view.text.Shingles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts the independent sources behind a claim. Two articles are one source when they come from the same outlet,
 * credit the same wire agency (or one is that agency), or carry the same copy; two non-quote mentions are one
 * source when their long sentences are near-identical. Sources are the connected groups of that relation.
 */
public final class SourceIndependence {

    /** Character 4-gram overlap above which two long sentences are the same copy. */
    static final double SENTENCE_COPY = 0.8;
    static final int LONG_SENTENCE_TERMS = 10;
    /** Word overlap below which two sentences cannot be copies: a cheap test before the character one. */
    static final double COPY_WORDS = 0.7;

    /** Each article's source names, as indexes into one list of the story's names. */
    private final int[][] sources;
    private final int names;
    private final BitSet[] copies;
    /** Scratch: an article's place among the articles of the claim being counted. */
    private final int[] local;

    /**
     * @param articles       in canonical order, as indexed by {@link Mention#article()}
     * @param nearDuplicates for each article, the articles that carry the same copy
     */
    public SourceIndependence(List<StoryArticle> articles, BitSet[] nearDuplicates) {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, String> normalized = new HashMap<>();
        sources = new int[articles.size()][];
        for (int i = 0; i < articles.size(); i++) {
            sources[i] = sources(articles.get(i), normalized).stream()
                    .mapToInt(name -> ids.computeIfAbsent(name, k -> ids.size())).toArray();
        }
        names = ids.size();
        copies = nearDuplicates;
        local = new int[articles.size()];
    }

    /**
     * The number of independent sources among the mentions' articles: the connected groups of those articles, two
     * being joined when they share a source name, carry the same copy, or state a claim of the group in
     * near-identical long sentences. Works on the few groups that shared names form, and on twins once.
     */
    public int independentSources(List<Mention> mentions) {
        if (oneArticle(mentions)) {
            // One article is one source, whatever it credits or copies: most of a big story's claims are its own.
            return 1;
        }
        BitSet members = new BitSet(local.length);
        for (Mention m : mentions) {
            members.set(m.article());
        }
        int[] articles = members.stream().toArray();
        for (int i = 0; i < articles.length; i++) {
            local[articles[i]] = i;
        }
        UnionFind sets = new UnionFind(articles.length);
        int[] firstWithName = new int[names];
        Arrays.fill(firstWithName, -1);
        for (int i = 0; i < articles.length; i++) {
            for (int name : sources[articles[i]]) {
                if (firstWithName[name] < 0) {
                    firstWithName[name] = i;
                } else {
                    sets.union(firstWithName[name], i);
                }
            }
        }
        // Near-identical long sentences: twins are such sentences by definition; other wordings are compared once
        // a pair, and only while their articles are in different groups.
        List<Mention> distinct = new ArrayList<>();
        Map<Integer, Integer> firstArticle = new HashMap<>();
        for (Mention m : mentions) {
            if (!copyable(m)) {
                continue;
            }
            Integer first = firstArticle.putIfAbsent(m.twin(), local[m.article()]);
            if (first == null) {
                distinct.add(m);
            } else {
                sets.union(first, local[m.article()]);
            }
        }
        int[] articleOf = new int[distinct.size()];
        for (int i = 0; i < articleOf.length; i++) {
            articleOf[i] = local[distinct.get(i).article()];
        }
        for (int i = 0; i < distinct.size(); i++) {
            Mention a = distinct.get(i);
            for (int j = i + 1; j < distinct.size(); j++) {
                Mention b = distinct.get(j);
                int ra = sets.find(articleOf[i]);
                int rb = sets.find(articleOf[j]);
                if (ra != rb && sameCopy(a, b)) {
                    sets.union(ra, rb);
                }
            }
        }
        // Shared copy: each group formed so far joins the groups of the articles its own articles copy.
        Map<Integer, BitSet> reach = new TreeMap<>();
        for (int i = 0; i < articles.length; i++) {
            reach.computeIfAbsent(sets.find(i), r -> new BitSet()).or(copies[articles[i]]);
        }
        for (Map.Entry<Integer, BitSet> group : reach.entrySet()) {
            BitSet copied = group.getValue();
            copied.and(members);
            for (int a = copied.nextSetBit(0); a >= 0; a = copied.nextSetBit(a + 1)) {
                sets.union(group.getKey(), local[a]);
            }
        }
        int groups = 0;
        for (int i = 0; i < articles.length; i++) {
            if (sets.find(i) == i) {
                groups++;
            }
        }
        return groups;
    }

    private static boolean oneArticle(List<Mention> mentions) {
        int article = mentions.get(0).article();
        for (Mention m : mentions) {
            if (m.article() != article) {
                return false;
            }
        }
        return true;
    }

    /** Quotes are excluded: independent outlets quote the same words verbatim. Short sentences prove nothing. */
    private static boolean copyable(Mention m) {
        return !m.isQuote() && m.terms().length >= LONG_SENTENCE_TERMS;
    }

    /** Two copyable mentions with near-identical sentences; a copyable mention is the same copy as its twins. */
    private static boolean sameCopy(Mention a, Mention b) {
        // The words first: a mention's character shingles are worked out when first asked for.
        if (ClaimSimilarity.dice(a, b) < COPY_WORDS) {
            return false;
        }
        int small = Math.min(a.shingles().size(), b.shingles().size());
        int large = Math.max(a.shingles().size(), b.shingles().size());
        return small >= SENTENCE_COPY * large && Shingles.jaccardAtLeast(a.shingles(), b.shingles(), SENTENCE_COPY);
    }

    /** The names an article's copy comes from: its outlet and every agency it credits. */
    private static Set<String> sources(StoryArticle article, Map<String, String> normalized) {
        Set<String> sources = new TreeSet<>();
        sources.add(normalized.computeIfAbsent(article.outlet() == null ? "" : article.outlet(),
                SourceIndependence::name));
        if (article.wireCredits() != null) {
            article.wireCredits().forEach(credit -> sources.add(normalized.computeIfAbsent(
                    credit == null ? "" : credit, SourceIndependence::name)));
        }
        sources.remove("");
        return sources;
    }

    private static String name(String name) {
        if (name == null) {
            return "";
        }
        String wire = EnglishLexicon.wire(name.replaceAll("[^\\p{L}\\p{N}\\- ]+", " ").replaceAll("\\s+", " "));
        return wire.toLowerCase(Locale.ROOT).replace("-", " ").trim();
    }
}
