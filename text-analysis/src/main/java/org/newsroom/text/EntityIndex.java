package org.newsroom.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.IntPredicate;

/** Entities of one article with lookups by offset, used to resolve speakers. */
final class EntityIndex {
    /** A mention with its entity and the title word it was introduced with (lower case, or null). */
    record Located(Mention mention, Entity entity, String title) {}

    /** Grammatical gender of a person, inferred from titles, given names and pronouns. */
    enum Gender { MALE, FEMALE, UNKNOWN }

    private final List<Entity> entities;
    private final NavigableMap<Integer, Located> byStart;
    private final Map<String, Gender> genders;

    EntityIndex(List<Entity> entities, NavigableMap<Integer, Located> byStart, Map<String, Gender> genders) {
        this.entities = List.copyOf(entities);
        this.byStart = byStart;
        this.genders = Map.copyOf(genders);
    }

    Gender genderOf(String name) {
        return genders.getOrDefault(name, Gender.UNKNOWN);
    }

    /** The first person mentioned in [start, end) outside quotations, or null. */
    Entity firstPersonIn(int start, int end, IntPredicate insideQuote) {
        for (Located l : byStart.subMap(start, true, end, false).values()) {
            if (l.entity().type().equals("PERSON") && !insideQuote.test(l.mention().start())) {
                return l.entity();
            }
        }
        return null;
    }

    /** The person most recently mentioned before {@code offset} outside quotations with a compatible gender, or null. */
    Entity lastPersonBefore(int offset, Gender gender, IntPredicate insideQuote) {
        for (Map.Entry<Integer, Located> e = byStart.lowerEntry(offset); e != null; e = byStart.lowerEntry(e.getKey())) {
            Entity entity = e.getValue().entity();
            if (entity.type().equals("PERSON") && !insideQuote.test(e.getKey()) && compatible(entity.name(), gender)) {
                return entity;
            }
        }
        return null;
    }

    boolean compatible(String name, Gender gender) {
        Gender known = genderOf(name);
        return gender == Gender.UNKNOWN || known == Gender.UNKNOWN || known == gender;
    }

    List<Entity> entities() {
        return entities;
    }

    /**
     * The entity named by the phrase [start, end): a mention inside it that ends where the phrase ends, so in
     * "Smith's spokesman" the speaker is the spokesman, not Smith. Persons win; untyped names only count when
     * they are the whole phrase ("Trump said", not "The German said").
     */
    Entity namedBy(int start, int end) {
        Entity found = null;
        for (Located l : byStart.subMap(start, true, end, false).values()) {
            String type = l.entity().type();
            boolean typed = !type.equals("OTHER") || l.mention().start() == start;
            if (l.mention().end() == end && typed && (found == null || type.equals("PERSON"))) {
                found = l.entity();
            }
        }
        return found;
    }

    /**
     * The person most recently mentioned before {@code offset} who was introduced with {@code title}; a modifier
     * ("German" in "the German president") must also appear in one of the person's aliases.
     */
    Entity lastTitledBefore(String title, String modifier, int offset) {
        String t = title.toLowerCase(Locale.ROOT);
        for (Map.Entry<Integer, Located> e = byStart.lowerEntry(offset); e != null; e = byStart.lowerEntry(e.getKey())) {
            Entity entity = e.getValue().entity();
            if (entity.type().equals("PERSON") && hasTitle(entity, t) && modifierFits(entity, t, modifier)) {
                return entity;
            }
        }
        return null;
    }

    /** "the German president" fits a person never called "French President …"; unmodified titles fit anyone. */
    private static boolean modifierFits(Entity entity, String title, String modifier) {
        if (modifier == null) {
            return true;
        }
        boolean modified = false;
        for (String alias : entity.aliases()) {
            String[] words = alias.split("\\s+");
            for (int i = 1; i < words.length; i++) {
                if (words[i].toLowerCase(Locale.ROOT).equals(title) && Character.isUpperCase(words[i - 1].charAt(0))) {
                    if (words[i - 1].equalsIgnoreCase(modifier)) {
                        return true;
                    }
                    modified = true;
                }
            }
        }
        return !modified;
    }

    /** Title words a person was introduced with ("president", "mr"). */
    Set<String> titlesOf(String name) {
        Set<String> titles = new LinkedHashSet<>();
        for (Located l : byStart.values()) {
            if (l.entity().name().equals(name) && l.title() != null) {
                titles.add(l.title());
            }
        }
        return titles;
    }

    private boolean hasTitle(Entity entity, String title) {
        for (Located l : byStart.values()) {
            if (l.entity() == entity && title.equals(l.title())) {
                return true;
            }
        }
        return false;
    }
}
