package org.newsroom.query.view;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.DateData;
import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.query.view.StoryView.ArticleRef;
import org.newsroom.query.view.StoryView.EntitySummary;
import org.newsroom.query.view.StoryView.FirstReported;
import org.newsroom.query.view.StoryView.MentionView;
import org.newsroom.query.view.StoryView.MergedClaim;
import org.newsroom.query.view.StoryView.QuantityView;
import org.newsroom.query.view.StoryView.TimelineEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Builds the story view from its articles. A pure function of its input: the articles are put in a canonical
 * order first, so the same articles in any order give the same view, byte for byte.
 */
public final class StoryViewBuilder {

    private static final Comparator<StoryArticle> CANONICAL =
            Comparator.comparing(StoryArticle::publishedAt).thenComparing(StoryArticle::id);

    public StoryView build(UUID storyId, String headline, int version, Instant asOf, List<StoryArticle> input) {
        List<StoryArticle> articles = input.stream().sorted(CANONICAL).toList();
        Map<String, List<Occurrence>> groups = group(articles);
        List<MergedClaim> claims = new ArrayList<>();
        groups.forEach((key, occurrences) -> claims.add(merge(key, occurrences)));
        return new StoryView(storyId, headline, version, asOf,
                articles.stream().map(a -> new ArticleRef(a.id(), a.outlet(), a.title(), a.url(), a.publishedAt())).toList(),
                claims, List.of(), entities(articles), timeline(claims, groups));
    }

    private record Occurrence(StoryArticle article, ClaimData claim) {
    }

    private static Map<String, List<Occurrence>> group(List<StoryArticle> articles) {
        Map<String, List<Occurrence>> groups = new LinkedHashMap<>();
        for (StoryArticle a : articles) {
            for (ClaimData c : a.claims()) {
                groups.computeIfAbsent(key(c), k -> new ArrayList<>()).add(new Occurrence(a, c));
            }
        }
        return groups;
    }

    private static String key(ClaimData c) {
        String text = c.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String quantity = c.quantity() == null ? "" : c.quantity().value() + " " + c.quantity().unit();
        return c.kind() + "|" + (c.speaker() == null ? "" : c.speaker().toLowerCase(Locale.ROOT)) + "|" + quantity
                + "|" + text;
    }

    private MergedClaim merge(String key, List<Occurrence> occurrences) {
        Occurrence first = occurrences.get(0);
        Set<String> outlets = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        List<MentionView> mentions = new ArrayList<>();
        for (Occurrence o : occurrences) {
            outlets.add(o.article().outlet());
            sources.add(o.article().wireCredits().isEmpty() ? "outlet:" + o.article().outlet()
                    : "wire:" + o.article().wireCredits().get(0));
            mentions.add(new MentionView(o.article().id(), o.article().outlet(), o.claim().start(), o.claim().end(),
                    o.claim().text()));
        }
        ClaimData c = first.claim();
        QuantityView quantity = c.quantity() == null ? null : new QuantityView(c.quantity().value(),
                c.quantity().low(), c.quantity().high() >= Double.MAX_VALUE ? null : c.quantity().high(),
                c.quantity().unit(), c.quantity().qualifier(), c.retracted());
        String status = sources.size() >= 2 ? "CORROBORATED" : "SINGLE_SOURCE";
        return new MergedClaim(id(key), c.kind(), c.text(), c.speaker(), quantity, status, outlets.size(),
                sources.size(), new FirstReported(first.article().outlet(), first.article().id(),
                first.article().publishedAt()), mentions);
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<EntitySummary> entities(List<StoryArticle> articles) {
        Map<String, Set<String>> aliases = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (StoryArticle a : articles) {
            for (EntityData e : a.entities()) {
                aliases.computeIfAbsent(e.name(), n -> new TreeSet<>()).addAll(e.aliases());
                counts.merge(e.name(), e.mentions().size(), Integer::sum);
            }
        }
        return aliases.entrySet().stream()
                .map(e -> new EntitySummary(e.getKey(), List.copyOf(e.getValue()), counts.get(e.getKey())))
                .sorted(Comparator.comparingInt(EntitySummary::mentionCount).reversed()
                        .thenComparing(EntitySummary::name))
                .toList();
    }

    private static List<TimelineEntry> timeline(List<MergedClaim> claims, Map<String, List<Occurrence>> groups) {
        Map<LocalDate, Set<String>> byDate = new TreeMap<>();
        Map<LocalDate, String> text = new TreeMap<>();
        List<List<Occurrence>> occurrences = List.copyOf(groups.values());
        for (int i = 0; i < claims.size(); i++) {
            MergedClaim claim = claims.get(i);
            for (Occurrence o : occurrences.get(i)) {
                for (var d : o.claim().dates() == null ? List.<DateData>of() : o.claim().dates()) {
                    if (d.date() != null) {
                        byDate.computeIfAbsent(d.date(), x -> new LinkedHashSet<>()).add(claim.id());
                        text.putIfAbsent(d.date(), claim.text());
                    }
                }
            }
        }
        List<TimelineEntry> entries = new ArrayList<>();
        byDate.forEach((date, ids) -> entries.add(new TimelineEntry(date, text.get(date), List.copyOf(ids))));
        return entries;
    }
}
