package org.newsroom.ingest.stories;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a story (or an article) is about, as weighted terms: the words of its title and lead and the names it
 * mentions. Kept small so that comparing an article with a story costs the same however old the story is.
 */
public record StoryProfile(Map<String, Double> terms) {

    static final int MAX_TERMS = 300;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");
    private static final Set<String> STOPWORDS = Set.of(
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that",
            "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "not",
            "no", "will", "would", "could", "should", "can", "may", "might", "said", "says", "say", "after",
            "before", "over", "under", "about", "into", "than", "then", "also", "who", "what", "which", "when",
            "where", "why", "how", "all", "any", "some", "more", "most", "other", "new", "one", "two", "up", "out",
            "there", "here", "if", "so", "do", "does", "did", "just", "mr", "mrs", "ms", "week", "year", "day",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    public static StoryProfile of(String title, String lead, Iterable<String> names) {
        Map<String, Double> terms = new TreeMap<>();
        addWords(terms, title, 2.0);
        addWords(terms, lead, 1.0);
        for (String name : names) {
            addWords(terms, name, 1.5);
        }
        return new StoryProfile(normalized(terms));
    }

    private static void addWords(Map<String, Double> terms, String text, double weight) {
        if (text == null) {
            return;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (word.length() > 2 && !STOPWORDS.contains(word)) {
                terms.merge(stem(word), weight, Double::sum);
            }
        }
    }

    /** A light suffix strip so that "protests" and "protest" count as one term. */
    private static String stem(String word) {
        if (word.endsWith("'s")) {
            word = word.substring(0, word.length() - 2);
        }
        if (word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")) {
            word = word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** Cosine similarity of the two term vectors. */
    public double similarity(StoryProfile other) {
        double dot = 0;
        for (Map.Entry<String, Double> e : terms.entrySet()) {
            Double w = other.terms.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot;
    }

    /** The story's profile after another article joins it: the sum of both, renormalized and trimmed. */
    public StoryProfile merge(StoryProfile article) {
        Map<String, Double> sum = new TreeMap<>(terms);
        article.terms.forEach((k, v) -> sum.merge(k, v, Double::sum));
        return new StoryProfile(normalized(sum));
    }

    private static Map<String, Double> normalized(Map<String, Double> terms) {
        Map<String, Double> top = new LinkedHashMap<>();
        terms.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TERMS)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        double norm = Math.sqrt(top.values().stream().mapToDouble(v -> v * v).sum());
        Map<String, Double> result = new TreeMap<>();
        top.forEach((k, v) -> result.put(k, norm == 0 ? 0 : v / norm));
        return result;
    }
}
