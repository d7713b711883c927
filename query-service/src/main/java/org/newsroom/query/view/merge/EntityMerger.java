package org.newsroom.query.view.merge;

import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.query.view.StoryArticle;
import org.newsroom.query.view.text.Memo;
import org.newsroom.query.view.text.Names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups the entities of all articles, and the speakers of their claims, into real-world entities: two names are
 * one entity when they share a name or alias once titles are removed ("President Varga", "Ms Varga"), or when a
 * shorter personal name is part of exactly one longer one with the same surname ("Varga" in "Anna Varga").
 */
public final class EntityMerger {

    /** One real-world entity. {@code extracted} is false when it is known only as a speaker. */
    public record Group(String name, String type, List<String> aliases, int mentionCount, boolean extracted) {
    }

    /** The groups, and for every name key (see {@link #key}) the index of its group. */
    public record Result(List<Group> groups, Map<String, Integer> byKey) {

        /** The group a name belongs to, or -1. */
        public int find(String name) {
            return byKey.getOrDefault(key(name, null), -1);
        }
    }

    /**
     * One name as the articles give it, with its type and aliases; {@code copies} articles (or speakers) give it
     * exactly so, with {@code mentions} mentions among them.
     */
    private record Entry(String name, String type, List<String> forms, int mentions, boolean extracted, int copies) {
    }

    /** What makes two entries one distinct entry, hashed once: it is kept with the article's entries. */
    private static final class EntryKey {
        private final String name;
        private final String type;
        private final List<String> forms;
        private final int hash;

        EntryKey(String name, String type, List<String> forms) {
            this.name = name;
            this.type = type;
            this.forms = forms;
            this.hash = Objects.hash(name, type, forms);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof EntryKey k && hash == k.hash && name.equals(k.name)
                    && Objects.equals(type, k.type) && forms.equals(k.forms);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** An article's extracted entities as entries, in order of name and type: the same at every build of its story. */
    private record ArticleEntry(EntryKey key, Entry entry) {
    }

    /**
     * Each distinct key once: the articles' entries share the first equal key seen, so that grouping them compares
     * keys by identity, not by their names and forms.
     */
    private final Memo<EntryKey, EntryKey> keys = new Memo<>(k -> k, 50_000);

    private List<ArticleEntry> entries(StoryArticle article) {
        List<EntityData> entities = new ArrayList<>(article.entities() == null ? List.of() : article.entities());
        entities.sort(Comparator.comparing(EntityData::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(EntityData::type, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<ArticleEntry> result = new ArrayList<>(entities.size());
        for (EntityData e : entities) {
            if (e.name() == null || e.name().isBlank()) {
                continue;
            }
            List<String> forms = new ArrayList<>();
            forms.add(e.name());
            if (e.aliases() != null) {
                e.aliases().stream().filter(a -> a != null && !a.isBlank()).forEach(forms::add);
            }
            forms = List.copyOf(forms);
            int mentions = e.mentions() == null ? 0 : e.mentions().size();
            result.add(new ArticleEntry(keys.get(new EntryKey(e.name(), e.type(), forms)),
                    new Entry(e.name(), e.type(), forms, mentions, true, 1)));
        }
        return result;
    }

    /** Each article's entries, by article object: the projector hands the same articles to every build. */
    private final Memo<StoryArticle, List<ArticleEntry>> articleEntries = Memo.byIdentity(this::entries, 5_000);

    /** @param again whether the same article objects will be merged again: only then are their entries kept */
    public Result merge(List<StoryArticle> articles, Collection<String> speakers, boolean again) {
        // Outlets carrying the same copy list the same entities: each distinct entry is grouped once, with its count.
        Map<EntryKey, Entry> distinct = new LinkedHashMap<>();
        for (StoryArticle article : articles) {
            for (ArticleEntry e : again ? articleEntries.get(article) : entries(article)) {
                distinct.merge(e.key(), e.entry(),
                        (a, b) -> new Entry(a.name(), a.type(), a.forms(), a.mentions() + b.mentions(), true,
                                a.copies() + 1));
            }
        }
        List<Entry> entries = new ArrayList<>(distinct.values());
        for (String speaker : new TreeSet<>(speakers)) {
            entries.add(new Entry(speaker, null, List.of(speaker), 0, false, 1));
        }

        UnionFind sets = new UnionFind(entries.size());
        Map<String, Integer> firstByKey = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            for (String form : entries.get(i).forms()) {
                String key = rememberedKey(form, entries.get(i).type());
                if (key.isEmpty()) {
                    continue;
                }
                Integer other = firstByKey.putIfAbsent(key, i);
                if (other != null) {
                    sets.union(other, i);
                }
            }
        }
        joinBySurname(entries, sets);

        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            members.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        for (List<Integer> group : members.values()) {
            int index = groups.size();
            groups.add(group(group.stream().map(entries::get).toList()));
            for (int i : group) {
                for (String form : entries.get(i).forms()) {
                    byKey.put(rememberedKey(form, entries.get(i).type()), index);
                    byKey.putIfAbsent(rememberedKey(form, null), index);
                }
            }
        }
        return new Result(groups, byKey);
    }

    /**
     * A name that is part of exactly one longer personal name with the same surname joins that name's group.
     * Works on distinct name keys, which entries sharing a key already share a group for.
     */
    private static void joinBySurname(List<Entry> entries, UnionFind sets) {
        Map<List<String>, Integer> owner = new TreeMap<>(EntityMerger::compareKeys);
        for (int i = 0; i < entries.size(); i++) {
            if (personal(entries.get(i).type())) {
                for (String form : entries.get(i).forms()) {
                    List<String> k = Names.key(form);
                    if (!k.isEmpty()) {
                        owner.putIfAbsent(k, i);
                    }
                }
            }
        }
        Map<String, List<List<String>>> bySurname = new HashMap<>();
        owner.keySet().forEach(k -> bySurname.computeIfAbsent(k.get(k.size() - 1), s -> new ArrayList<>()).add(k));
        Map<Integer, Integer> joins = new TreeMap<>();
        owner.forEach((k, entry) -> {
            Set<Integer> roots = new TreeSet<>();
            for (List<String> longer : bySurname.get(k.get(k.size() - 1))) {
                if (longer.size() > k.size() && longer.containsAll(k)) {
                    roots.add(sets.find(owner.get(longer)));
                }
            }
            roots.remove(sets.find(entry));
            if (roots.size() == 1) {
                joins.put(entry, roots.iterator().next());
            }
        });
        joins.forEach(sets::union);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        return String.join(" ", a).compareTo(String.join(" ", b));
    }

    private static Group group(List<Entry> entries) {
        boolean personal = entries.stream().anyMatch(e -> "PERSON".equals(e.type()))
                || entries.stream().allMatch(e -> e.type() == null);
        Map<String, Integer> nameCounts = new TreeMap<>();
        Map<String, Integer> typeCounts = new TreeMap<>();
        Map<String, String> forms = new TreeMap<>();
        int mentions = 0;
        boolean extracted = false;
        for (Entry e : entries) {
            String name = personal ? Names.strip(e.name()) : e.name().trim();
            nameCounts.merge(name, e.copies(), Integer::sum);
            if (e.type() != null) {
                typeCounts.merge(e.type(), e.copies(), Integer::sum);
            }
            for (String form : e.forms()) {
                forms.putIfAbsent(form.trim().toLowerCase(Locale.ROOT), form.trim());
                if (personal) {
                    String stripped = Names.strip(form);
                    nameCounts.merge(stripped, 0, Integer::sum);
                }
            }
            mentions += e.mentions();
            extracted |= e.extracted();
        }
        Comparator<Map.Entry<String, Integer>> best = personal
                ? Comparator.<Map.Entry<String, Integer>>comparingInt(n -> -Names.key(n.getKey()).size())
                .thenComparingInt(n -> -n.getValue())
                : Comparator.<Map.Entry<String, Integer>>comparingInt(n -> -n.getValue())
                .thenComparingInt(n -> -n.getKey().length());
        String name = nameCounts.entrySet().stream()
                .filter(n -> !n.getKey().isBlank())
                .min(best.thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(entries.get(0).name());
        forms.remove(name.toLowerCase(Locale.ROOT));
        String type = typeCounts.entrySet().stream()
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(t -> -t.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
        return new Group(name, type, List.copyOf(forms.values()), mentions, extracted);
    }

    /** Name keys, computed once per distinct name and type: stories repeat their names, and stories each other's. */
    private static final Memo<String, String> PERSONAL_KEYS = new Memo<>(n -> key(n, "PERSON"), 50_000);
    private static final Memo<String, String> OTHER_KEYS = new Memo<>(n -> key(n, "OTHER"), 50_000);

    private static String rememberedKey(String name, String type) {
        return (personal(type) ? PERSONAL_KEYS : OTHER_KEYS).get(name);
    }

    /** The key two names must share to be one entity; personal names lose their titles. */
    static String key(String name, String type) {
        if (personal(type)) {
            return String.join(" ", Names.key(name));
        }
        List<String> words = new ArrayList<>(List.of(name.trim().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        words.removeIf(String::isEmpty);
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        return String.join(" ", words);
    }

    private static boolean personal(String type) {
        return type == null || type.equals("PERSON");
    }

}
