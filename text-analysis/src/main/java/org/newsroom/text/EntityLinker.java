package org.newsroom.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds entities from proper-noun chunks and links in-article aliases (surname, honorific, title, acronym). */
final class EntityLinker {
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\d&.-]{1,9}");
    private static final Pattern PAREN_ACRONYM = Pattern.compile("^\\s*\\((\\p{Lu}[\\p{Lu}\\d&.-]{1,9})\\)");
    private static final Pattern POSSESSIVE = Pattern.compile("[’']s$");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "from", "at", "near", "across", "outside", "into");
    /** "Moscow-led", "U.S.-based": a name used as a modifier, not a mention. */
    private static final Pattern COMPOUND_MODIFIER = Pattern.compile("-\\p{Ll}");
    private static final Pattern INITIAL_LETTER = Pattern.compile("\\p{Lu}");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*");

    /** A proper-noun chunk: its full surface, the name part without titles, and the title word that introduced it. */
    private record Chunk(int start, int end, int nameStart, String surface, List<String> nameTokens, String title,
                         String precedingWord) {
        String name() {
            return String.join(" ", nameTokens);
        }
    }

    /** Entity under construction. */
    private static final class Group {
        String type;
        final List<Chunk> chunks = new ArrayList<>();
        final Set<String> acronyms = new LinkedHashSet<>();

        Group(String type) {
            this.type = type;
        }

        String canonical() {
            Chunk best = chunks.get(0);
            for (Chunk c : chunks) {
                if (c.nameTokens().size() > best.nameTokens().size() && !isAcronym(c.name())) {
                    best = c;
                }
            }
            return best.name();
        }
    }

    EntityIndex link(String text, List<TaggedSentence> sentences) {
        List<Chunk> chunks = new ArrayList<>();
        for (TaggedSentence s : sentences) {
            chunk(text, s, chunks);
        }
        addKnownNames(text, sentences, chunks);
        List<Group> groups = new ArrayList<>();
        Map<String, Group> personsBySurname = new LinkedHashMap<>();
        Map<String, Group> byKey = new LinkedHashMap<>();
        List<Chunk> singles = new ArrayList<>();
        for (Chunk c : chunks) {
            String type = classify(c);
            if (type.equals("PERSON") && c.nameTokens().size() > 1) {
                Group g = findPerson(personsBySurname, c);
                if (g == null) {
                    g = new Group("PERSON");
                    groups.add(g);
                    personsBySurname.putIfAbsent(surnameKey(c), g);
                }
                g.chunks.add(c);
            } else if (c.nameTokens().size() == 1 && !type.equals("ORGANIZATION") && !type.equals("PLACE")) {
                singles.add(c);
            } else {
                addByKey(groups, byKey, c, type, text);
            }
        }
        for (Chunk c : singles) {
            Group person = personsBySurname.get(key(c.name()));
            if (person != null) {
                person.chunks.add(c);
            } else {
                addByKey(groups, byKey, c, c.title() != null ? "PERSON" : classifySingle(c), text);
            }
        }
        return index(groups, text, genders(groups, sentences));
    }

    /** Votes a gender per person: gendered titles and given names, then he/she in sentences about only that person. */
    private static Map<Group, EntityIndex.Gender> genders(List<Group> groups, List<TaggedSentence> sentences) {
        Map<Group, Integer> votes = new LinkedHashMap<>();
        TreeMap<Integer, Group> personAt = new TreeMap<>();
        for (Group g : groups) {
            if (!g.type.equals("PERSON")) {
                continue;
            }
            int v = 0;
            for (Chunk c : g.chunks) {
                personAt.put(c.nameStart(), g);
                if (c.title() != null) {
                    v += Lexicon.MALE_TITLES.contains(c.title()) ? 3 : Lexicon.FEMALE_TITLES.contains(c.title()) ? -3 : 0;
                }
            }
            String given = g.canonical().split(" ")[0].toLowerCase(Locale.ROOT);
            v += Lexicon.MALE_NAMES.contains(given) ? 2 : Lexicon.FEMALE_NAMES.contains(given) ? -2 : 0;
            votes.put(g, v);
        }
        for (TaggedSentence s : sentences) {
            Set<Group> present = new LinkedHashSet<>(personAt.subMap(s.start(), s.end()).values());
            if (present.size() != 1 || s.tokens().size() < 4 || personAt.ceilingKey(s.start()) > s.tokens().get(3).start()) {
                continue;
            }
            int male = 0;
            int female = 0;
            for (Token t : s.tokens()) {
                switch (t.lower()) {
                    case "he", "his", "him", "himself" -> male++;
                    case "she", "her", "hers", "herself" -> female++;
                    default -> { }
                }
            }
            votes.merge(present.iterator().next(), Integer.compare(male, female), Integer::sum);
        }
        Map<Group, EntityIndex.Gender> out = new LinkedHashMap<>();
        votes.forEach((g, v) -> out.put(g, v > 0 ? EntityIndex.Gender.MALE : v < 0 ? EntityIndex.Gender.FEMALE
                : EntityIndex.Gender.UNKNOWN));
        return out;
    }

    /**
     * Adds mentions the tagger missed ("Merkel/ADJ left") when the capitalized word is a surname or a titled name
     * that the article already introduced as a person.
     */
    private static void addKnownNames(String text, List<TaggedSentence> sentences, List<Chunk> chunks) {
        Set<String> names = new LinkedHashSet<>();
        Set<Integer> covered = new LinkedHashSet<>();
        for (Chunk c : chunks) {
            if (classify(c).equals("PERSON")) {
                names.add(surnameKey(c));
            }
            covered.add(c.nameStart());
        }
        List<Chunk> added = new ArrayList<>();
        for (TaggedSentence s : sentences) {
            for (int i = 0; i < s.tokens().size(); i++) {
                Token t = s.tokens().get(i);
                String word = POSSESSIVE.matcher(t.text()).replaceFirst("");
                if (t.isCapitalized() && !covered.contains(t.start()) && word.length() > 1 && names.contains(key(word))
                        && !isInsideChunk(chunks, t.start())) {
                    int end = t.start() + word.length();
                    String preceding = i > 0 ? s.tokens().get(i - 1).lower() : "";
                    added.add(new Chunk(t.start(), end, t.start(), text.substring(t.start(), end), List.of(word), null, preceding));
                }
            }
        }
        chunks.addAll(added);
        chunks.sort(Comparator.comparingInt(Chunk::start));
    }

    private static boolean isInsideChunk(List<Chunk> chunks, int offset) {
        for (Chunk c : chunks) {
            if (offset >= c.start() && offset < c.end()) {
                return true;
            }
        }
        return false;
    }

    private static void addByKey(List<Group> groups, Map<String, Group> byKey, Chunk c, String type, String text) {
        String k = key(c.name());
        Group g = byKey.get(k);
        if (g == null) {
            g = new Group(type);
            groups.add(g);
            byKey.put(k, g);
        }
        g.chunks.add(c);
        if (g.type.equals("OTHER") && !type.equals("OTHER")) {
            g.type = type;
        }
        Matcher m = PAREN_ACRONYM.matcher(text.substring(c.end(), Math.min(text.length(), c.end() + 16)));
        if (m.find() && !isAcronym(c.name()) && initialsMatch(c.name(), m.group(1))) {
            g.acronyms.add(m.group(1));
            Group existing = byKey.get(key(m.group(1)));
            if (existing != null && existing != g) {
                g.chunks.addAll(existing.chunks);
                groups.remove(existing);
            }
            byKey.put(key(m.group(1)), g);
            if (!g.type.equals("PERSON")) {
                g.type = "ORGANIZATION";
            }
        }
    }

    private static Group findPerson(Map<String, Group> bySurname, Chunk c) {
        Group g = bySurname.get(surnameKey(c));
        if (g == null) {
            return null;
        }
        for (Chunk other : g.chunks) {
            if (compatible(other.nameTokens(), c.nameTokens())) {
                return g;
            }
        }
        return null;
    }

    /** Two full names with one surname are one person when their first names agree or one name contains the other. */
    private static boolean compatible(List<String> a, List<String> b) {
        String ka = key(String.join("", a));
        String kb = key(String.join("", b));
        return ka.equals(kb) || key(a.get(0)).equals(key(b.get(0))) || ka.contains(kb) || kb.contains(ka);
    }

    private static void chunk(String text, TaggedSentence s, List<Chunk> out) {
        List<Token> tokens = s.tokens();
        int i = 0;
        while (i < tokens.size()) {
            if (!startsChunk(tokens, i)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size()) {
                Token t = tokens.get(j);
                boolean glued = t.start() == tokens.get(j - 1).end();
                boolean initialDot = glued && t.text().equals(".") && INITIAL_LETTER.matcher(tokens.get(j - 1).text()).matches()
                        && j + 1 < tokens.size() && continuesChunk(tokens.get(j + 1));
                if (continuesChunk(t) || initialDot || (glued && (t.text().equals("-") || t.text().equals(".")) && j + 1 < tokens.size()
                        && tokens.get(j + 1).start() == t.end() && continuesChunk(tokens.get(j + 1)))) {
                    j++;
                } else if (t.lower().equals("of") && j + 1 < tokens.size() && continuesChunk(tokens.get(j + 1))
                        && (Lexicon.ORG_WORDS.contains(tokens.get(j - 1).lower()) || Lexicon.isTitle(tokens.get(j - 1).text()))) {
                    j++;
                } else {
                    break;
                }
            }
            if (!isModifier(tokens, j)) {
                addChunk(text, tokens, i, j, out);
            }
            i = j;
        }
    }

    /** Sentence-initial words are capitalized anyway, so only a proper-noun tag or a title starts a chunk there. */
    private static boolean startsChunk(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.isCapitalized() || COMPOUND_MODIFIER.matcher(t.text()).find() || Lexicon.isCalendarWord(t.text())) {
            return false;
        }
        boolean initial = i == 0 || !Character.isLetterOrDigit(tokens.get(i - 1).text().charAt(0)) && i == 1;
        boolean nextIsTitle = i + 1 < tokens.size() && Lexicon.isTitle(tokens.get(i + 1).text());
        return t.isProperNoun() || (Lexicon.isTitle(t.text()) && !t.lower().equals("first"))
                || ((!initial || nextIsTitle) && (t.pos().equals("NOUN") || t.pos().equals("ADJ")) && nextIsName(tokens, i));
    }

    /** A chunk glued by a hyphen to a lower-case word ("Moscow-led") is a modifier, not a mention. */
    private static boolean isModifier(List<Token> tokens, int next) {
        return next + 1 < tokens.size() && tokens.get(next).text().equals("-") && tokens.get(next).start() == tokens.get(next - 1).end()
                && Character.isLowerCase(tokens.get(next + 1).text().charAt(0));
    }

    private static boolean nextIsName(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).isCapitalized() && continuesChunk(tokens.get(i + 1));
    }

    private static boolean continuesChunk(Token t) {
        return t.isCapitalized() && !COMPOUND_MODIFIER.matcher(t.text()).find() && !Lexicon.isCalendarWord(t.text())
                && (t.isProperNoun() || Lexicon.isTitle(t.text()) || t.pos().equals("NOUN") || t.pos().equals("ADJ")
                || INITIAL.matcher(t.text()).matches());
    }

    private static void addChunk(String text, List<Token> tokens, int from, int to, List<Chunk> out) {
        List<Token> part = new ArrayList<>(tokens.subList(from, to));
        Token last = part.get(part.size() - 1);
        if (last.text().endsWith("’s") || last.text().endsWith("'s")) {
            String bare = last.text().substring(0, last.text().length() - 2);
            part.set(part.size() - 1, new Token(bare, last.start(), last.end() - 2, last.pos()));
        }
        last = part.get(part.size() - 1);
        if (last.text().length() > 3 && last.text().endsWith(".") && !last.text().equals(last.text().toUpperCase(Locale.ROOT))) {
            part.set(part.size() - 1, new Token(last.text().substring(0, last.text().length() - 1), last.start(), last.end() - 1, last.pos()));
        }
        part.removeIf(t -> t.text().isEmpty());
        if (part.isEmpty() || part.stream().allMatch(t -> t.pos().equals("ADJ"))) {
            return;
        }
        int titleAt = -1;
        for (int k = 0; k < part.size() - 1; k++) {
            if (Lexicon.isTitle(part.get(k).text()) || part.get(k).lower().equals("of")) {
                titleAt = k;
            }
        }
        List<Token> name = part.subList(titleAt + 1, part.size());
        List<String> words = words(text, name);
        boolean personName = titleAt >= 0 && words.size() <= 4 && words.stream().allMatch(w -> NAME_WORD.matcher(w).matches()
                && !Lexicon.ORG_WORDS.contains(w.toLowerCase(Locale.ROOT)) && !Lexicon.isTitle(w));
        if (titleAt >= 0 && !personName) {
            name = part;
            titleAt = -1;
        }
        if (name.size() == 1 && Lexicon.isTitle(name.get(0).text())) {
            return;
        }
        String title = titleAt >= 0 ? titleWord(part, titleAt) : null;
        int nameStart = name.get(0).start();
        List<String> nameTokens = words(text, name);
        if (nameTokens.size() == 1 && part.size() == 1 && part.get(0).pos().equals("ADJ")) {
            return;
        }
        int start = part.get(0).start();
        int end = part.get(part.size() - 1).end();
        String preceding = from > 0 ? tokens.get(from - 1).lower() : "";
        out.add(new Chunk(start, end, nameStart, text.substring(start, end), nameTokens, title, preceding));
    }

    /** Whitespace-separated words of a token run, so "Jean-Pierre" stays one word. */
    private static List<String> words(String text, List<Token> run) {
        return List.of(text.substring(run.get(0).start(), run.get(run.size() - 1).end()).split("\\s+"));
    }

    /** The honorific if present, else the last title word ("President" in "Russian President"). */
    private static String titleWord(List<Token> part, int titleAt) {
        for (int k = 0; k <= titleAt; k++) {
            if (Lexicon.isHonorific(part.get(k).text())) {
                return Lexicon.canonicalTitle(part.get(k).text());
            }
        }
        for (int k = titleAt; k >= 0; k--) {
            if (Lexicon.isTitle(part.get(k).text())) {
                return Lexicon.canonicalTitle(part.get(k).text());
            }
        }
        return null;
    }

    private static String classify(Chunk c) {
        String lower = c.name().toLowerCase(Locale.ROOT);
        if (c.title() != null) {
            return "PERSON";
        }
        if (Lexicon.COUNTRIES.contains(lower)) {
            return "PLACE";
        }
        for (String t : c.nameTokens()) {
            if (Lexicon.ORG_WORDS.contains(t.toLowerCase(Locale.ROOT))) {
                return "ORGANIZATION";
            }
        }
        if (Lexicon.PLACE_WORDS.contains(c.nameTokens().get(c.nameTokens().size() - 1).toLowerCase(Locale.ROOT))) {
            return "PLACE";
        }
        if (isAcronym(c.name())) {
            return "ORGANIZATION";
        }
        boolean nameLike = c.nameTokens().stream().allMatch(t -> NAME_WORD.matcher(t).matches());
        return nameLike && c.nameTokens().size() >= 2 && c.nameTokens().size() <= 4 ? "PERSON" : "OTHER";
    }

    private static String classifySingle(Chunk c) {
        String type = classify(c);
        if (type.equals("OTHER") && PLACE_PREPOSITIONS.contains(c.precedingWord())) {
            return "PLACE";
        }
        return type;
    }

    private static EntityIndex index(List<Group> groups, String text, Map<Group, EntityIndex.Gender> genders) {
        Map<String, EntityIndex.Gender> genderByName = new LinkedHashMap<>();
        List<Entity> entities = new ArrayList<>();
        TreeMap<Integer, EntityIndex.Located> byStart = new TreeMap<>();
        groups.sort(Comparator.comparingInt(g -> g.chunks.stream().mapToInt(Chunk::start).min().orElse(0)));
        for (Group g : groups) {
            g.chunks.sort(Comparator.comparingInt(Chunk::start));
            String name = g.canonical();
            Set<String> aliases = new LinkedHashSet<>();
            List<Mention> mentions = new ArrayList<>();
            for (Chunk c : g.chunks) {
                aliases.add(c.surface());
                aliases.add(c.name());
                mentions.add(new Mention(c.nameStart(), c.end(), text.substring(c.nameStart(), c.end())));
            }
            aliases.addAll(g.acronyms);
            aliases.remove(name);
            Entity entity = new Entity(name, g.type, new ArrayList<>(aliases), mentions);
            entities.add(entity);
            genderByName.putIfAbsent(name, genders.getOrDefault(g, EntityIndex.Gender.UNKNOWN));
            for (int k = 0; k < mentions.size(); k++) {
                byStart.put(mentions.get(k).start(), new EntityIndex.Located(mentions.get(k), entity, g.chunks.get(k).title()));
            }
        }
        return new EntityIndex(entities, byStart, genderByName);
    }

    private static boolean isAcronym(String name) {
        return ACRONYM.matcher(name).matches() && name.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /** "World Health Organization" and "WHO" share initials; protects against unrelated parentheses. */
    private static boolean initialsMatch(String name, String acronym) {
        String letters = acronym.replaceAll("[^\\p{Lu}]", "");
        return !letters.isEmpty() && Character.toUpperCase(name.charAt(0)) == letters.charAt(0);
    }

    private static String surnameKey(Chunk c) {
        return key(c.nameTokens().get(c.nameTokens().size() - 1));
    }

    private static String key(String s) {
        return NOT_ALPHANUMERIC.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
