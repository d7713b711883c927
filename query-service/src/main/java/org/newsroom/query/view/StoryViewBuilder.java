package org.newsroom.query.view;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.QuantityData;
import org.newsroom.query.view.StoryView.ArticleRef;
import org.newsroom.query.view.StoryView.Contradiction;
import org.newsroom.query.view.StoryView.EntitySummary;
import org.newsroom.query.view.StoryView.FirstReported;
import org.newsroom.query.view.StoryView.MentionView;
import org.newsroom.query.view.StoryView.MergedClaim;
import org.newsroom.query.view.StoryView.QuantityView;
import org.newsroom.query.view.merge.CanonicalWording;
import org.newsroom.query.view.merge.ClaimGroup;
import org.newsroom.query.view.merge.ClaimMerger;
import org.newsroom.query.view.merge.ContradictionFinder;
import org.newsroom.query.view.merge.EntityMerger;
import org.newsroom.query.view.merge.Mention;
import org.newsroom.query.view.merge.MentionAnalyzer;
import org.newsroom.query.view.merge.QuantityRange;
import org.newsroom.query.view.merge.SourceIndependence;
import org.newsroom.query.view.merge.SpeakerMatcher;
import org.newsroom.query.view.merge.Timeline;
import org.newsroom.query.view.merge.WireCopyDetector;
import org.newsroom.query.view.text.Memo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds the story view from its articles: merges the claims that different outlets state, counts their
 * independent sources, finds contradictions and lays out the timeline. A pure function of its input: the articles
 * are put in a canonical order first, so the same articles in any order give the same view, byte for byte.
 */
public final class StoryViewBuilder {

    private static final Comparator<StoryArticle> CANONICAL = Comparator
            .comparing(StoryArticle::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StoryArticle::id);

    /** Claim texts and article texts remembered: a growing story is rebuilt from mostly the same ones. */
    private static final int CLAIM_TEXTS = 200_000;
    private static final int ARTICLE_TEXTS = 20_000;

    private final ClaimMerger merger = new ClaimMerger();
    private final Memo<String, MentionAnalyzer.TextReading> readings =
            new Memo<>(MentionAnalyzer.TextReading::of, CLAIM_TEXTS);
    private final Memo<String, WireCopyDetector.Sketch> sketches = new Memo<>(WireCopyDetector::sketch, ARTICLE_TEXTS);
    /**
     * Each article's claims in text order, as the view shows them: the projector hands the same articles again, and
     * keeps about as many (newsroom.projection.cached-articles).
     */
    private static final int ARTICLES = 5_000;
    private final Function<StoryArticle, MentionAnalyzer.ArticleClaims> claimsOnce =
            MentionAnalyzer.ArticleClaims.withSharedKeys(CLAIM_TEXTS);
    private final Memo<StoryArticle, MentionAnalyzer.ArticleClaims> articleClaims =
            Memo.byIdentity(claimsOnce, ARTICLES);
    private final WireCopyDetector wireCopy = new WireCopyDetector(sketches::get);
    private final ContradictionFinder contradictionFinder = new ContradictionFinder();
    private final EntityMerger entityMerger = new EntityMerger();

    public StoryView build(UUID storyId, String headline, int version, Instant asOf, List<StoryArticle> input) {
        return build(storyId, headline, version, asOf, input, true);
    }

    /**
     * @param again whether these article objects will be handed to this builder again, as the live projector hands
     *              its cached articles: only then is anything kept by article object or by text. A replay hands each
     *              article once, as a new object; kept, they would only have filled the heap with what no later build
     *              finds (a replay's heap grew to gigabytes, and collecting it cost more than a tenth of the replay),
     *              and looking its texts up cost more than it found. The view is the same either way.
     */
    public StoryView build(UUID storyId, String headline, int version, Instant asOf, List<StoryArticle> input,
                           boolean again) {
        List<StoryArticle> articles = input.stream().sorted(CANONICAL).toList();
        // Unordered: the entity merger takes the speakers in order of their names.
        Set<String> speakers = new HashSet<>();
        for (StoryArticle a : articles) {
            for (ClaimData c : claims(a)) {
                if (c.speaker() != null) {
                    speakers.add(c.speaker());
                }
            }
        }
        EntityMerger.Result entities = entityMerger.merge(articles, speakers, again);
        List<Mention> mentions = new MentionAnalyzer(new SpeakerMatcher(entities),
                again ? readings::get : MentionAnalyzer.TextReading::of,
                again ? articleClaims::get : MentionAnalyzer.ArticleClaims::of).read(articles);
        ClaimMerger.Result merged = merger.merge(mentions, articles.size());
        SourceIndependence independence = new SourceIndependence(articles,
                wireCopy.nearDuplicates(storyId, articles, again));

        List<ClaimGroup> groups = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (List<Mention> group : merged.groups()) {
            groups.add(group(group, independence, ids));
        }
        groups.sort(Comparator.comparingInt((ClaimGroup g) -> -g.independentSources())
                .thenComparingInt(g -> -g.outlets().size())
                .thenComparingInt(g -> g.first().index()));

        List<ContradictionFinder.Found> found = contradictionFinder.find(groups, merged.conflicts());
        boolean[] contested = new boolean[groups.size()];
        for (ContradictionFinder.Found f : found) {
            f.claims().forEach(i -> contested[i] = true);
        }

        List<MergedClaim> claims = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            claims.add(claim(groups.get(i), contested[i]));
        }
        List<Contradiction> contradictions = found.stream().map(f -> new Contradiction(f.id(), f.topic(), f.summary(),
                f.claims().stream().map(i -> claims.get(i).id()).toList(),
                f.claims().stream().flatMap(i -> claims.get(i).mentions().stream()).toList())).toList();

        return new StoryView(storyId, headline, version, asOf,
                articles.stream().map(a -> new ArticleRef(a.id(), a.outlet(), a.title(), a.url(), a.publishedAt()))
                        .toList(),
                claims, contradictions, entitySummaries(entities),
                Timeline.of(groups, claims.stream().map(MergedClaim::text).toList()));
    }

    private static ClaimGroup group(List<Mention> mentions, SourceIndependence independence, Set<String> ids) {
        Mention canonical = CanonicalWording.choose(mentions);
        QuantityRange range = null;
        for (Mention m : mentions) {
            if (m.range() != null) {
                range = range == null ? m.range() : range.intersect(m.range());
            }
        }
        String id = ClaimGroup.idOf(mentions.get(0), 0);
        for (int occurrence = 1; !ids.add(id); occurrence++) {
            id = ClaimGroup.idOf(mentions.get(0), occurrence);
        }
        Set<String> distinct = new TreeSet<>();
        for (Mention m : mentions) {
            distinct.add(m.source().outlet());
        }
        List<String> outlets = List.copyOf(distinct);
        return new ClaimGroup(id, mentions, canonical, range, outlets, independence.independentSources(mentions));
    }

    private static MergedClaim claim(ClaimGroup group, boolean contested) {
        Mention canonical = group.canonical();
        Mention first = group.first();
        String status = contested ? "CONTESTED" : group.independentSources() >= 2 ? "CORROBORATED" : "SINGLE_SOURCE";
        List<MentionView> mentions = new ArrayList<>(group.mentions().size());
        for (Mention m : group.mentions()) {
            mentions.add(m.view());
        }
        return new MergedClaim(group.id(), canonical.claim().kind(), canonical.claim().text(),
                speaker(group),
                quantity(group), status, group.outlets().size(), group.independentSources(),
                new FirstReported(first.source().outlet(), first.source().id(), first.source().publishedAt()),
                mentions);
    }

    /** Speech is given to its named speaker if any mention names one; other claims keep their attribution. */
    private static String speaker(ClaimGroup group) {
        if (group.canonical().family().equals(Mention.SPEECH)) {
            for (Mention m : group.mentions()) {
                if (m.speaker() >= 0) {
                    return m.speakerName();
                }
            }
        }
        return group.canonical().speakerName();
    }

    /** The figure the mentions agree on: the common part of their reported ranges, and their median value. */
    private static QuantityView quantity(ClaimGroup group) {
        List<Mention> mentions = group.mentions();
        double[] values = new double[mentions.size()];
        int count = 0;
        QuantityData firstFigure = null;
        double lowest = Double.POSITIVE_INFINITY;
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (Mention m : mentions) {
            QuantityData q = m.claim().quantity();
            if (q == null) {
                continue;
            }
            firstFigure = firstFigure == null ? q : firstFigure;
            low = Math.max(low, q.low());
            lowest = Math.min(lowest, q.low());
            high = Math.min(high, q.high());
            highest = Math.max(highest, q.high());
            values[count++] = q.value();
        }
        if (count == 0) {
            return null;
        }
        QuantityData canonical = group.canonical().claim().quantity() != null
                ? group.canonical().claim().quantity() : firstFigure;
        if (low > high) {
            low = lowest;
            high = highest;
        }
        Arrays.sort(values, 0, count);
        double value = Math.max(low, Math.min(high, values[(count - 1) / 2]));
        return new QuantityView(value, low, high >= Double.MAX_VALUE / 2 ? null : high, canonical.unit(),
                canonical.qualifier(), group.retracted());
    }

    private static List<EntitySummary> entitySummaries(EntityMerger.Result entities) {
        return entities.groups().stream().filter(EntityMerger.Group::extracted)
                .map(g -> new EntitySummary(g.name(), g.aliases(), g.mentionCount()))
                .sorted(Comparator.comparingInt(EntitySummary::mentionCount).reversed()
                        .thenComparing(EntitySummary::name))
                .toList();
    }

    private static List<ClaimData> claims(StoryArticle article) {
        return article.claims() == null ? List.of() : article.claims();
    }
}
