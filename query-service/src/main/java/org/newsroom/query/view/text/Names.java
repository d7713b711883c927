package org.newsroom.query.view.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Personal and organisation names without their titles: "Finnish President Anna Varga's" is "Anna Varga". */
public final class Names {

    /**
     * Names recur across articles and stories, and each view build asks for the same ones many times: these pure
     * functions are remembered for some tens of thousands of distinct names.
     */
    private static final int REMEMBERED = 50_000;
    private static final Memo<String, String> STRIPPED = new Memo<>(Names::stripped, REMEMBERED);
    private static final Memo<String, List<String>> KEYS = new Memo<>(n -> List.copyOf(keyOf(n)), REMEMBERED);
    private static final Memo<String, Boolean> NAMED = new Memo<>(Names::isNamed, REMEMBERED);

    private Names() {
    }

    /** The name as written, minus titles, leading "the" and a possessive. */
    public static String strip(String name) {
        return STRIPPED.get(name);
    }

    private static String stripped(String name) {
        List<String> words = new ArrayList<>();
        for (String raw : whitespaceSplit(name)) {
            String w = trimPunctuation(raw);
            if (w.endsWith("'s") || w.endsWith("\u2019s")) {
                w = w.substring(0, w.length() - 2);
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        int lastTitle = -1;
        for (int i = 0; i < words.size() - 1; i++) {
            String lower = words.get(i).toLowerCase(Locale.ROOT).replace(".", "");
            if (EnglishLexicon.TITLES.contains(lower)) {
                lastTitle = i;
            }
        }
        List<String> rest = words.subList(lastTitle + 1, words.size());
        if (lastTitle >= 0 && !personal(rest)) {
            rest = words;
        }
        if (rest.size() > 1 && rest.get(0).equalsIgnoreCase("the")) {
            rest = rest.subList(1, rest.size());
        }
        return String.join(" ", rest);
    }

    /** The comparison key of a name: its stripped words, lowercase, hyphens as spaces; unmodifiable. */
    public static List<String> key(String name) {
        return KEYS.get(name);
    }

    private static List<String> keyOf(String name) {
        List<String> key = new ArrayList<>();
        for (String part : strip(name).toLowerCase(Locale.ROOT).replace('-', ' ').replace('\u2010', ' ')
                .replace('\u2011', ' ').split(" ")) {
            String w = trimPunctuation(part).replace(".", "");
            if (!w.isEmpty()) {
                key.add(w);
            }
        }
        return key;
    }

    /**
     * Whether a speaker is named ("Anna Varga", "Interior Ministry") rather than described by role or group
     * ("the president", "a UN spokesperson", "officials"), which may stand for anyone of that role.
     */
    public static boolean named(String speaker) {
        return NAMED.get(speaker);
    }

    private static boolean isNamed(String speaker) {
        String[] words = speaker.trim().split("\\s+");
        int start = 0;
        while (start < words.length - 1 && List.of("the", "a", "an").contains(words[start].toLowerCase(Locale.ROOT))) {
            start++;
        }
        for (int i = start; i < words.length; i++) {
            if (words[i].isEmpty() || !Character.isUpperCase(words[i].charAt(0))) {
                return false;
            }
        }
        String last = trimPunctuation(words[words.length - 1]).toLowerCase(Locale.ROOT).replace(".", "");
        return !EnglishLexicon.TITLES.contains(last) && !EnglishLexicon.UNNAMED_GROUPS.contains(last);
    }

    /** A person's name is capitalised words not ending in "Ministry", "Council" and the like. */
    private static boolean personal(List<String> words) {
        for (String w : words) {
            if (!Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return !EnglishLexicon.ORGANISATION_WORDS.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT));
    }

    private static List<String> whitespaceSplit(String s) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || Character.isWhitespace(s.charAt(i));
            if (space && start >= 0) {
                words.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static String trimPunctuation(String w) {
        int start = 0;
        int end = w.length();
        while (start < end && !Character.isLetterOrDigit(w.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(w.charAt(end - 1)) && w.charAt(end - 1) != '.') {
            end--;
        }
        return w.substring(start, end);
    }
}
