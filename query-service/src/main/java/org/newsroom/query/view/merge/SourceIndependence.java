package org.newsroom.query.view.merge;

import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.text.EnglishLexicon;
import org.newsroom.query.view.text.Shingles;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    private final boolean[][] dependent;

    /** @param articles in canonical order, as indexed by {@link Mention#article()} */
    public SourceIndependence(List<StoryArticle> articles, boolean[][] nearDuplicates) {
        int n = articles.size();
        List<Set<String>> sources = articles.stream().map(SourceIndependence::sources).toList();
        dependent = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean shared = nearDuplicates[i][j] || sources.get(i).stream().anyMatch(sources.get(j)::contains);
                dependent[i][j] = shared;
                dependent[j][i] = shared;
            }
        }
    }

    public int independentSources(List<Mention> mentions) {
        UnionFind sets = new UnionFind(dependent.length);
        int[] articles = mentions.stream().mapToInt(Mention::article).distinct().sorted().toArray();
        for (int i = 0; i < articles.length; i++) {
            for (int j = i + 1; j < articles.length; j++) {
                if (dependent[articles[i]][articles[j]]) {
                    sets.union(articles[i], articles[j]);
                }
            }
        }
        for (int i = 0; i < mentions.size(); i++) {
            for (int j = i + 1; j < mentions.size(); j++) {
                Mention a = mentions.get(i);
                Mention b = mentions.get(j);
                if (sets.find(a.article()) != sets.find(b.article()) && sameCopy(a, b)) {
                    sets.union(a.article(), b.article());
                }
            }
        }
        Set<Integer> roots = new HashSet<>();
        for (int article : articles) {
            roots.add(sets.find(article));
        }
        return roots.size();
    }

    /** Quotes are excluded: independent outlets quote the same words verbatim. */
    private static boolean sameCopy(Mention a, Mention b) {
        int small = Math.min(a.shingles().length, b.shingles().length);
        int large = Math.max(a.shingles().length, b.shingles().length);
        return !a.isQuote() && !b.isQuote()
                && Math.min(a.terms().length, b.terms().length) >= LONG_SENTENCE_TERMS
                && small >= SENTENCE_COPY * large
                && ClaimSimilarity.dice(a, b) >= COPY_WORDS
                && Shingles.jaccard(a.shingles(), b.shingles()) >= SENTENCE_COPY;
    }

    /** The names an article's copy comes from: its outlet and every agency it credits. */
    private static Set<String> sources(StoryArticle article) {
        Set<String> sources = new HashSet<>();
        sources.add(name(article.outlet()));
        if (article.wireCredits() != null) {
            article.wireCredits().forEach(credit -> sources.add(name(credit)));
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
