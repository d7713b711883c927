package org.newsroom.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether an article joins one of the recent stories or opens a new one.
 *
 * <p>A candidate's score is its time proximity times a weighted sum of content signals: embedding cosine to the
 * story centroid, shared named entities (weighted by rarity among the candidates, both ways: the article's
 * entities found in the story and the story's main entities found in the article), shared figures and shared
 * quotations. The embedding counts fully only when the entities corroborate it: look-alike events (two
 * shootings, two summits) read alike but differ in who and where. An article or story without entities thus
 * joins only on shared figures and quotes. Cost is linear in the number of candidates; the result depends only on the inputs, ties going to
 * the smaller story id.
 */
public final class StoryAssigner {

    /**
     * @param joinThreshold score from which an article joins its best candidate
     * @param hintThreshold score from which an article joins the story its client suggested
     */
    public record Settings(double joinThreshold, double hintThreshold) {

        public static final Settings DEFAULT = new Settings(0.42, 0.30);
    }

    static final double EMBEDDING_WEIGHT = 0.50;
    static final double ENTITY_WEIGHT = 0.40;
    static final double QUANTITY_WEIGHT = 0.05;
    static final double QUOTE_WEIGHT = 0.05;
    /**
     * Below this entity agreement the embedding similarity is discounted, down to nothing at
     * {@link #ENTITY_GATE_LOW}: two shootings, two earthquakes read alike; who and where tell them apart.
     */
    static final double ENTITY_GATE_HIGH = 0.25;
    static final double ENTITY_GATE_LOW = 0.10;
    /** A story's main entities: the ones that decide whether an article misses what the story is about. */
    static final int STORY_MAIN_ENTITIES = 10;
    /** Within this many days of a story's articles an article is as close in time as it gets. */
    static final double SAME_TIME_DAYS = 3;
    /** Beyond that, closeness decays with this time constant, in days. */
    static final double DECAY_DAYS = 10;
    /** A story silent this many days is over: a look-alike event later is a new story. */
    static final double MAX_GAP_DAYS = 30;

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
        // First pass: entity matches, and how many plausible candidates share each entity (for rarity).
        EntityMatch[] matches = new EntityMatch[n];
        int[] articleEntityFrequency = new int[terms.entityKeys.length];
        Map<String, Integer> mainEntityFrequency = new HashMap<>();
        int plausible = 0;
        for (int i = 0; i < n; i++) {
            StoryProfile story = candidates.get(i).profile();
            double time = timeProximity(article.publishedAt(), story.firstPublishedAt(), story.lastPublishedAt());
            if (time == 0) {
                continue;
            }
            plausible++;
            matches[i] = new EntityMatch(terms, story, time);
            for (int a = 0; a < terms.entityKeys.length; a++) {
                articleEntityFrequency[a] += matches[i].storyPresence[a] > 0 ? 1 : 0;
            }
            matches[i].distinctMainKeys().forEach(key -> mainEntityFrequency.merge(key, 1, Integer::sum));
        }
        Scored best = null;
        Scored second = null;
        Scored hinted = null;
        for (int i = 0; i < n; i++) {
            if (matches[i] == null) {
                continue;
            }
            Candidate candidate = candidates.get(i);
            Scored scored = score(terms, candidate, matches[i], articleEntityFrequency, mainEntityFrequency,
                    plausible);
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
            return decision(hinted.id, Decision.HINT, hinted, hinted == best ? second : best);
        }
        if (best == null) {
            return new Decision(null, Decision.OPENED, 0, null, null, Map.of());
        }
        if (best.score >= settings.joinThreshold()) {
            return decision(best.id, Decision.JOINED, best, second);
        }
        return decision(null, Decision.OPENED, best, best);
    }

    private static Decision decision(UUID storyId, String kind, Scored scored, Scored runnerUp) {
        return new Decision(storyId, kind, scored.score, runnerUp == null ? null : runnerUp.id,
                runnerUp == null ? null : runnerUp.score, scored.signals());
    }

    private static Scored score(ArticleTerms article, Candidate candidate, EntityMatch match,
                                int[] articleEntityFrequency, Map<String, Integer> mainEntityFrequency,
                                int plausible) {
        StoryProfile story = candidate.profile();
        double embedding = Math.max(0, Vectors.dot(article.embedding, story.centroid()));

        double articleMass = 0;
        double articleCovered = 0;
        for (int a = 0; a < article.entityKeys.length; a++) {
            boolean inStory = match.storyPresence[a] > 0;
            double weight = StoryProfile.salience(a)
                    * rarity(articleEntityFrequency[a] - (inStory ? 1 : 0), plausible);
            articleMass += weight;
            articleCovered += inStory ? weight * (0.5 + 0.5 * match.storyPresence[a]) : 0;
        }
        double storyMass = 0;
        double storyCovered = 0;
        for (int j = 0; j < match.mainKeys.length && match.mainKeys[j] != null; j++) {
            int others = Integer.MAX_VALUE;
            for (String key : match.mainKeys[j]) {
                others = Math.min(others, mainEntityFrequency.get(key) - 1);
            }
            double weight = match.mainShare[j] * rarity(others, plausible);
            storyMass += weight;
            storyCovered += match.mainInArticle[j] ? weight : 0;
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

        double corroboration = Math.min(1, Math.max(0,
                (entities - ENTITY_GATE_LOW) / (ENTITY_GATE_HIGH - ENTITY_GATE_LOW)));
        double content = EMBEDDING_WEIGHT * embedding * corroboration + ENTITY_WEIGHT * entities
                + QUANTITY_WEIGHT * quantities + QUOTE_WEIGHT * quotes;
        return new Scored(candidate.storyId(), match.time * content, embedding, entities, quantities, quotes,
                match.time);
    }

    /**
     * Inverse document frequency of an entity found in {@code others} of the plausible candidates besides this
     * one: an entity in many recent stories (a head of state, a capital) says little about which one this is.
     */
    private static double rarity(int others, int plausible) {
        return 1 + Math.log((double) plausible / (1 + Math.max(others, 0)));
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

    /** A candidate's score and its components, named as in {@link Decision#signals()}. */
    private record Scored(UUID id, double score, double embedding, double entities, double quantities, double quotes,
                          double time) {

        boolean beats(Scored other) {
            int byScore = Double.compare(score, other.score);
            return byScore != 0 ? byScore > 0 : id.compareTo(other.id) < 0;
        }

        Map<String, Double> signals() {
            Map<String, Double> signals = new LinkedHashMap<>();
            signals.put("embedding", embedding);
            signals.put("entities", entities);
            signals.put("quantities", quantities);
            signals.put("quotes", quotes);
            signals.put("time", time);
            return signals;
        }
    }

    /**
     * How the article's entities and a story's meet: how prominent each article entity is in the story (0 when
     * absent), and which of the story's main entities the article mentions.
     */
    private static final class EntityMatch {

        final double time;
        final double[] storyPresence;
        final String[][] mainKeys;
        final double[] mainShare;
        final boolean[] mainInArticle;

        EntityMatch(ArticleTerms article, StoryProfile story, double time) {
            this.time = time;
            storyPresence = new double[article.entityKeys.length];
            int mains = Math.min(STORY_MAIN_ENTITIES, story.entityWeights().size());
            mainKeys = new String[mains][];
            mainShare = new double[mains];
            mainInArticle = new boolean[mains];
            int j = 0;
            for (Map.Entry<String, Double> entity : story.entityWeights().entrySet()) {
                String[] keys = EntityKeys.of(entity.getKey());
                if (keys.length == 0) {
                    continue;
                }
                double share = Math.min(1, entity.getValue() / story.articleCount());
                boolean inArticle = false;
                for (String key : keys) {
                    int[] found = article.entitiesByKey.get(key);
                    if (found != null) {
                        inArticle = true;
                        for (int a : found) {
                            storyPresence[a] = Math.max(storyPresence[a], share);
                        }
                    }
                }
                if (j < mains) {
                    mainKeys[j] = keys;
                    mainShare[j] = share;
                    mainInArticle[j] = inArticle;
                }
                j++;
            }
        }

        Set<String> distinctMainKeys() {
            Set<String> keys = new HashSet<>();
            for (String[] entityKeys : mainKeys) {
                if (entityKeys != null) {
                    keys.addAll(List.of(entityKeys));
                }
            }
            return keys;
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
                String[] entityKeys = EntityKeys.of(name);
                if (entityKeys.length == 0 || entitiesByKey.containsKey(entityKeys[0])) {
                    continue;
                }
                int index = keys.size();
                keys.add(entityKeys);
                for (String key : entityKeys) {
                    int[] previous = entitiesByKey.getOrDefault(key, new int[0]);
                    int[] extended = Arrays.copyOf(previous, previous.length + 1);
                    extended[previous.length] = index;
                    entitiesByKey.put(key, extended);
                }
            }
            entityKeys = keys.toArray(String[][]::new);
            quantities = new HashSet<>();
            article.quantities().forEach(q -> quantities.add(q.strip().toLowerCase(Locale.ROOT)));
            for (int q = 0; q < article.quotes().size(); q++) {
                for (String print : QuoteFingerprints.of(article.quotes().get(q))) {
                    quoteByFingerprint.putIfAbsent(print, q);
                }
            }
        }
    }
}
