package org.newsroom.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether an article joins one of the recent stories or opens a new one.
 *
 * <p>A candidate's score is its time proximity times a weighted sum of content signals: embedding cosine to the
 * story centroid, shared named entities (weighted by rarity among the candidates, both ways: the article's
 * entities found in the story and the story's main entities found in the article), shared figures and shared
 * quotations. Cost is linear in the number of candidates; the result depends only on the inputs, ties going to
 * the smaller story id.
 */
public final class StoryAssigner {

    /**
     * @param joinThreshold score from which an article joins its best candidate
     * @param hintThreshold score from which an article joins the story its client suggested
     */
    public record Settings(double joinThreshold, double hintThreshold) {

        public static final Settings DEFAULT = new Settings(0.50, 0.35);
    }

    static final double EMBEDDING_WEIGHT = 0.50;
    static final double ENTITY_WEIGHT = 0.40;
    static final double QUANTITY_WEIGHT = 0.05;
    static final double QUOTE_WEIGHT = 0.05;
    /** A story's main entities: the ones that decide whether an article misses what the story is about. */
    static final int STORY_MAIN_ENTITIES = 10;
    /** Within this many days of a story's articles an article is as close in time as it gets. */
    static final double SAME_TIME_DAYS = 2;
    /** Beyond that, closeness decays with this time constant, in days. */
    static final double DECAY_DAYS = 5;
    /** A story silent this many days is over: a look-alike event later is a new story. */
    static final double MAX_GAP_DAYS = 21;

    private final Settings settings;

    public StoryAssigner() {
        this(Settings.DEFAULT);
    }

    public StoryAssigner(Settings settings) {
        this.settings = settings;
    }

    public Decision assign(ArticleFeatures article, List<Candidate> candidates, UUID hint) {
        ArticleTerms terms = new ArticleTerms(article);
        int n = candidates.size();
        String[][][] storyKeys = new String[n][][];
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < n; i++) {
            storyKeys[i] = keysOf(candidates.get(i).profile());
            Set<String> seen = new HashSet<>();
            for (String[] keys : storyKeys[i]) {
                for (String key : keys) {
                    if (seen.add(key)) {
                        documentFrequency.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        Scored best = null;
        Scored second = null;
        Scored hinted = null;
        for (int i = 0; i < n; i++) {
            Candidate candidate = candidates.get(i);
            Scored scored = score(terms, candidate, storyKeys[i], documentFrequency, n);
            if (candidate.storyId().equals(hint)) {
                hinted = scored;
            }
            if (best == null || scored.beats(best)) {
                second = best;
                best = scored;
            } else if (second == null || scored.beats(second)) {
                second = scored;
            }
        }
        if (hinted != null && hinted.score >= settings.hintThreshold()) {
            Scored runnerUp = hinted == best ? second : best;
            return decision(hinted.id, Decision.HINT, hinted, runnerUp);
        }
        if (best != null && best.score >= settings.joinThreshold()) {
            return decision(best.id, Decision.JOINED, best, second);
        }
        if (best == null) {
            return new Decision(null, Decision.OPENED, 0, null, null, Map.of());
        }
        return decision(null, Decision.OPENED, best, best);
    }

    private static Decision decision(UUID storyId, String kind, Scored scored, Scored runnerUp) {
        return new Decision(storyId, kind, scored.score, runnerUp == null ? null : runnerUp.id,
                runnerUp == null ? null : runnerUp.score, scored.signals);
    }

    private static String[][] keysOf(StoryProfile profile) {
        String[][] keys = new String[profile.entityWeights().size()][];
        int j = 0;
        for (String name : profile.entityWeights().keySet()) {
            keys[j++] = EntityKeys.of(name).toArray(String[]::new);
        }
        return keys;
    }

    private static Scored score(ArticleTerms article, Candidate candidate, String[][] storyKeys,
                                Map<String, Integer> documentFrequency, int n) {
        StoryProfile story = candidate.profile();
        double time = timeProximity(article.publishedAt, story.firstPublishedAt(), story.lastPublishedAt());
        if (time == 0) {
            return new Scored(candidate.storyId(), 0, signals(0, 0, 0, 0, 0));
        }
        double embedding = Math.max(0, Vectors.dot(article.embedding, story.centroid()));

        // Story side: which entities of the story the article mentions; and for the article's entities, how
        // prominent each is in the story (0 when absent).
        double[] storyPresence = new double[article.entityKeys.length];
        double storyMass = 0;
        double storyCovered = 0;
        int j = 0;
        for (Map.Entry<String, Double> entity : story.entityWeights().entrySet()) {
            double share = Math.min(1, entity.getValue() / story.articleCount());
            boolean inArticle = false;
            for (String key : storyKeys[j]) {
                int[] articleEntities = article.entitiesByKey.get(key);
                if (articleEntities != null) {
                    inArticle = true;
                    for (int a : articleEntities) {
                        storyPresence[a] = Math.max(storyPresence[a], share);
                    }
                }
            }
            if (j < STORY_MAIN_ENTITIES) {
                double weight = share * rarity(storyKeys[j], documentFrequency, n, true);
                storyMass += weight;
                storyCovered += inArticle ? weight : 0;
            }
            j++;
        }
        double articleMass = 0;
        double articleCovered = 0;
        for (int a = 0; a < article.entityKeys.length; a++) {
            boolean inStory = storyPresence[a] > 0;
            double weight = StoryProfile.salience(a) * rarity(article.entityKeys[a], documentFrequency, n, inStory);
            articleMass += weight;
            articleCovered += inStory ? weight * (0.5 + 0.5 * storyPresence[a]) : 0;
        }
        double articleCoverage = articleMass == 0 ? 0 : articleCovered / articleMass;
        double storyCoverage = storyMass == 0 ? 0 : storyCovered / storyMass;
        double entities = articleCoverage + storyCoverage == 0 ? 0
                : 2 * articleCoverage * storyCoverage / (articleCoverage + storyCoverage);

        int sharedQuantities = 0;
        for (String quantity : story.quantities()) {
            sharedQuantities += article.quantities.contains(quantity) ? 1 : 0;
        }
        double quantities = Math.min(1, sharedQuantities / 2.0);

        Set<Integer> quotedAgain = new HashSet<>();
        for (String print : story.quoteFingerprints()) {
            Integer quote = article.quoteByFingerprint.get(print);
            if (quote != null) {
                quotedAgain.add(quote);
            }
        }
        double quotes = Math.min(1, quotedAgain.size() / 2.0);

        double content = EMBEDDING_WEIGHT * embedding + ENTITY_WEIGHT * entities
                + QUANTITY_WEIGHT * quantities + QUOTE_WEIGHT * quotes;
        return new Scored(candidate.storyId(), time * content, signals(embedding, entities, quantities, quotes, time));
    }

    /**
     * Inverse document frequency of an entity among the other candidates: an entity in many recent stories
     * (a head of state, a capital) says little about which one this is.
     */
    private static double rarity(String[] keys, Map<String, Integer> documentFrequency, int n, boolean inThisStory) {
        double rarity = Double.MAX_VALUE;
        for (String key : keys) {
            int others = documentFrequency.getOrDefault(key, 0) - (inThisStory ? 1 : 0);
            rarity = Math.min(rarity, 1 + Math.log((double) Math.max(n, 1) / (1 + Math.max(others, 0))));
        }
        return keys.length == 0 ? 1 : rarity;
    }

    /** 1 within {@link #SAME_TIME_DAYS} of the story's span, decaying after, 0 beyond {@link #MAX_GAP_DAYS}. */
    static double timeProximity(Instant at, Instant first, Instant last) {
        Duration gap = at.isBefore(first) ? Duration.between(at, first)
                : at.isAfter(last) ? Duration.between(last, at) : Duration.ZERO;
        double days = gap.toSeconds() / 86_400.0;
        if (days > MAX_GAP_DAYS) {
            return 0;
        }
        return days <= SAME_TIME_DAYS ? 1 : Math.exp(-(days - SAME_TIME_DAYS) / DECAY_DAYS);
    }

    private static Map<String, Double> signals(double embedding, double entities, double quantities, double quotes,
                                               double time) {
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("embedding", embedding);
        signals.put("entities", entities);
        signals.put("quantities", quantities);
        signals.put("quotes", quotes);
        signals.put("time", time);
        return signals;
    }

    private record Scored(UUID id, double score, Map<String, Double> signals) {

        boolean beats(Scored other) {
            int byScore = Double.compare(score, other.score);
            return byScore != 0 ? byScore > 0 : id.compareTo(other.id) < 0;
        }
    }

    /** The article's terms, prepared once per assignment. */
    private static final class ArticleTerms {

        final Instant publishedAt;
        final float[] embedding;
        final String[][] entityKeys;
        final Map<String, int[]> entitiesByKey = new HashMap<>();
        final Set<String> quantities;
        final Map<String, Integer> quoteByFingerprint = new HashMap<>();

        ArticleTerms(ArticleFeatures article) {
            publishedAt = article.publishedAt();
            embedding = article.embedding();
            List<String[]> keys = new ArrayList<>();
            for (String name : article.entities()) {
                if (keys.size() == StoryProfile.MAX_ARTICLE_ENTITIES) {
                    break;
                }
                List<String> entityKeys = EntityKeys.of(name);
                if (entityKeys.isEmpty() || entitiesByKey.containsKey(entityKeys.get(0))) {
                    continue;
                }
                int index = keys.size();
                keys.add(entityKeys.toArray(String[]::new));
                for (String key : entityKeys) {
                    int[] previous = entitiesByKey.getOrDefault(key, new int[0]);
                    int[] extended = java.util.Arrays.copyOf(previous, previous.length + 1);
                    extended[previous.length] = index;
                    entitiesByKey.put(key, extended);
                }
            }
            entityKeys = keys.toArray(String[][]::new);
            quantities = new HashSet<>();
            article.quantities().forEach(q -> quantities.add(q.strip().toLowerCase(java.util.Locale.ROOT)));
            for (int q = 0; q < article.quotes().size(); q++) {
                for (String print : QuoteFingerprints.of(article.quotes().get(q))) {
                    quoteByFingerprint.putIfAbsent(print, q);
                }
            }
        }
    }
}
