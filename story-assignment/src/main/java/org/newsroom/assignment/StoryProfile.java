package org.newsroom.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a story is about, summarised from its articles; bounded in size whatever the number of articles, and
 * serializable as JSON (Jackson, with the JavaTimeModule for the instants).
 *
 * @param headline          title of the article that opened the story
 * @param centroid          unit-length mean of the articles' embeddings
 * @param entityWeights     per entity, the sum over articles of its salience there (1 for an article's most salient
 *                          entity, less for the next ones): an article count weighted by prominence; heaviest first
 * @param quantities        the most recent distinct normalized figures
 * @param quoteFingerprints the most recent distinct quote fingerprints
 */
public record StoryProfile(
        String headline,
        float[] centroid,
        Map<String, Double> entityWeights,
        List<String> quantities,
        List<String> quoteFingerprints,
        Instant firstPublishedAt,
        Instant lastPublishedAt,
        int articleCount) {

    static final int MAX_ARTICLE_ENTITIES = 20;
    static final int MAX_ENTITIES = 64;
    static final int MAX_QUANTITIES = 64;
    static final int MAX_QUOTE_FINGERPRINTS = 384;
    /** The centroid keeps moving with new articles instead of freezing after a long story. */
    private static final int MAX_CENTROID_WEIGHT = 50;

    public StoryProfile {
        Objects.requireNonNull(headline, "headline");
        centroid = Vectors.normalized(centroid);
        entityWeights = heaviestFirst(entityWeights);
        quantities = List.copyOf(quantities);
        quoteFingerprints = List.copyOf(quoteFingerprints);
        Objects.requireNonNull(firstPublishedAt, "firstPublishedAt");
        Objects.requireNonNull(lastPublishedAt, "lastPublishedAt");
        if (articleCount < 1) {
            throw new IllegalArgumentException("a story has at least one article");
        }
    }

    /** The profile of a story opened by {@code article}. */
    public static StoryProfile open(ArticleFeatures article) {
        return new StoryProfile(article.title(), article.embedding(), entitySalience(article), distinct(article.quantities()),
                fingerprints(article), article.publishedAt(), article.publishedAt(), 1);
    }

    /** This profile after {@code article} joined the story. */
    public StoryProfile with(ArticleFeatures article) {
        Map<String, Double> entities = new LinkedHashMap<>(entityWeights);
        entitySalience(article).forEach((name, salience) -> entities.merge(name, salience, Double::sum));
        return new StoryProfile(
                headline,
                Vectors.mergedMean(centroid, Math.min(articleCount, MAX_CENTROID_WEIGHT), article.embedding()),
                entities,
                mostRecent(quantities, distinct(article.quantities()), MAX_QUANTITIES),
                mostRecent(quoteFingerprints, fingerprints(article), MAX_QUOTE_FINGERPRINTS),
                article.publishedAt().isBefore(firstPublishedAt) ? article.publishedAt() : firstPublishedAt,
                article.publishedAt().isAfter(lastPublishedAt) ? article.publishedAt() : lastPublishedAt,
                articleCount + 1);
    }

    /** Salience of the entity at {@code rank} (0 = most salient) in an article's entity list. */
    static double salience(int rank) {
        return 1.0 / (1.0 + 0.2 * rank);
    }

    private static Map<String, Double> entitySalience(ArticleFeatures article) {
        Map<String, Double> salience = new LinkedHashMap<>();
        for (String name : article.entities()) {
            if (salience.size() == MAX_ARTICLE_ENTITIES) {
                break;
            }
            if (!EntityKeys.normalize(name).isEmpty()) {
                salience.putIfAbsent(name, salience(salience.size()));
            }
        }
        return salience;
    }

    private static List<String> fingerprints(ArticleFeatures article) {
        List<String> prints = new ArrayList<>();
        article.quotes().forEach(quote -> prints.addAll(QuoteFingerprints.of(quote)));
        return distinct(prints);
    }

    private static List<String> distinct(List<String> values) {
        LinkedHashSet<String> set = new LinkedHashSet<>();
        values.forEach(v -> set.add(v.strip().toLowerCase(Locale.ROOT)));
        set.remove("");
        return new ArrayList<>(set);
    }

    private static List<String> mostRecent(List<String> old, List<String> added, int max) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(old);
        added.forEach(v -> {
            merged.remove(v);
            merged.add(v);
        });
        List<String> list = new ArrayList<>(merged);
        return list.subList(Math.max(0, list.size() - max), list.size());
    }

    private static Map<String, Double> heaviestFirst(Map<String, Double> weights) {
        Map<String, Double> sorted = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_ENTITIES)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoryProfile p
                && headline.equals(p.headline) && Arrays.equals(centroid, p.centroid)
                && entityWeights.equals(p.entityWeights) && quantities.equals(p.quantities)
                && quoteFingerprints.equals(p.quoteFingerprints) && firstPublishedAt.equals(p.firstPublishedAt)
                && lastPublishedAt.equals(p.lastPublishedAt) && articleCount == p.articleCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(headline, Arrays.hashCode(centroid), entityWeights, quantities, quoteFingerprints,
                firstPublishedAt, lastPublishedAt, articleCount);
    }

    @Override
    public String toString() {
        return "StoryProfile[" + headline + ", " + articleCount + " articles, " + firstPublishedAt + " .. "
                + lastPublishedAt + ", entities " + entityWeights.keySet() + "]";
    }
}
