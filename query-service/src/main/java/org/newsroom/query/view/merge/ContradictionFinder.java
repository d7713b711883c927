package org.newsroom.query.view.merge;

import org.newsroom.query.view.text.EnglishLexicon;

import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds claims that cannot all be true: figures for the same thing whose intervals do not meet, a statement and
 * its negation, and one quote given to different speakers. Retracted figures contest nothing.
 */
public final class ContradictionFinder {

    /** One contradiction between claims, by their indexes in the claim list. */
    public record Found(String id, String topic, String summary, List<Integer> claims) {
    }

    public List<Found> find(List<ClaimGroup> claims, List<ClaimMerger.Conflict> conflicts) {
        List<Found> found = new ArrayList<>(quantities(claims));
        found.addAll(conflicting(claims, conflicts));
        found.sort(java.util.Comparator.comparing((Found f) -> f.claims().get(0)).thenComparing(Found::id));
        return found;
    }

    private List<Found> quantities(List<ClaimGroup> claims) {
        Map<String, List<Integer>> blocks = new TreeMap<>();
        for (int i = 0; i < claims.size(); i++) {
            ClaimGroup c = claims.get(i);
            if (c.range() != null && c.topic() != null && !c.retracted()
                    && c.canonical().family().equals(Mention.QUANTITY)) {
                blocks.computeIfAbsent(c.topic().block(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Found> found = new ArrayList<>();
        for (List<Integer> block : blocks.values()) {
            UnionFind sides = new UnionFind(block.size());
            boolean[] involved = new boolean[block.size()];
            for (int i = 0; i < block.size(); i++) {
                ClaimGroup a = claims.get(block.get(i));
                for (int j = i + 1; j < block.size(); j++) {
                    ClaimGroup b = claims.get(block.get(j));
                    if (a.topic().sameThing(b.topic()) && !a.range().compatible(b.range())) {
                        sides.union(i, j);
                        involved[i] = true;
                        involved[j] = true;
                    }
                }
            }
            Map<Integer, List<Integer>> components = new TreeMap<>();
            for (int i = 0; i < block.size(); i++) {
                if (involved[i]) {
                    components.computeIfAbsent(sides.find(i), r -> new ArrayList<>()).add(block.get(i));
                }
            }
            for (List<Integer> members : components.values()) {
                ClaimGroup first = claims.get(members.get(0));
                String topic = first.topic().unit();
                List<String> parts = members.stream().map(i -> figure(claims.get(i)) + " ("
                        + String.join(", ", claims.get(i).outlets()) + ")").toList();
                found.add(new Found(id("QUANTITY", first), topic,
                        "Reports disagree on " + topic + ": " + String.join(" vs ", parts), members));
            }
        }
        return found;
    }

    private List<Found> conflicting(List<ClaimGroup> claims, List<ClaimMerger.Conflict> conflicts) {
        // Mention indexes are the story's mentions numbered from 0: the claim of each, by index.
        int mentions = 0;
        for (ClaimGroup claim : claims) {
            for (Mention m : claim.mentions()) {
                mentions = Math.max(mentions, m.index() + 1);
            }
        }
        int[] claimOf = new int[mentions];
        for (int i = 0; i < claims.size(); i++) {
            for (Mention m : claims.get(i).mentions()) {
                claimOf[m.index()] = i;
            }
        }
        TreeMap<String, Found> found = new TreeMap<>();
        for (ClaimMerger.Conflict conflict : conflicts) {
            int a = claimOf[conflict.a()];
            int b = claimOf[conflict.b()];
            if (a == b) {
                continue;
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            ClaimGroup first = claims.get(lo);
            ClaimGroup second = claims.get(hi);
            String key = conflict.reason() + "|" + lo + "|" + hi;
            if (found.containsKey(key)) {
                continue;
            }
            if (conflict.reason().equals("ATTRIBUTION")) {
                found.put(key, new Found(id(key, first, second), "attribution of a quote",
                        "The same words are attributed to " + speaker(first) + " (" + String.join(", ", first.outlets())
                                + ") and to " + speaker(second) + " (" + String.join(", ", second.outlets()) + ")",
                        List.of(lo, hi)));
            } else {
                String who = first.canonical().speakerName() != null ? first.canonical().speakerName()
                        : second.canonical().speakerName();
                found.put(key, new Found(id(key, first, second), who == null ? "a statement" : "what " + who + " said",
                        "One version says \"" + shorten(first.canonical().claim().text()) + "\" ("
                                + String.join(", ", first.outlets()) + "), another \""
                                + shorten(second.canonical().claim().text()) + "\" ("
                                + String.join(", ", second.outlets()) + ")",
                        List.of(lo, hi)));
            }
        }
        return List.copyOf(found.values());
    }

    /** A figure as reported: "at least 24", "several hundred", "300-999". */
    static String figure(ClaimGroup claim) {
        var q = claim.canonical().claim().quantity();
        String qualifier = q.qualifier() == null ? "" : q.qualifier().trim();
        if (EnglishLexicon.namesAFigure(qualifier)) {
            return qualifier;
        }
        if (!qualifier.isEmpty()) {
            return qualifier + " " + number(q.value());
        }
        if (q.high() < Double.MAX_VALUE / 2 && q.low() < q.high()) {
            return number(q.low()) + "\u2013" + number(q.high());
        }
        return number(q.value());
    }

    static String number(double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String speaker(ClaimGroup claim) {
        return claim.canonical().speakerName() == null ? "an unnamed speaker" : claim.canonical().speakerName();
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() <= 90 ? t : t.substring(0, 87) + "...";
    }

    private static String id(String kind, ClaimGroup first, ClaimGroup... others) {
        TreeSet<String> ids = new TreeSet<>();
        for (ClaimGroup other : others) {
            ids.add(other.id());
        }
        String key = "contradiction|" + kind.split("\\|")[0] + "|" + first.id() + "|" + String.join(",", ids);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
