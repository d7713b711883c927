package org.newsroom.text;

import java.util.List;
import java.util.Locale;

/**
 * A cheap necessary condition for a regex: every match contains one of some literal words, compared ignoring case.
 * Patterns searched with {@code find} are tried at every position of the text, and with many alternatives that cost
 * more than the rest of the step; {@code String.contains} on the lower-cased text rules most texts out at once.
 * Lower-casing keeps every run of ASCII characters in one piece, lower-cased, so this holds for words in lower case
 * when the regex matches them in ASCII only (a case-insensitive regex does without Unicode case folding).
 */
final class LiteralPrefilter {
    private final List<String> words;

    LiteralPrefilter(String... words) {
        this.words = List.of(words);
    }

    /** False only when no match of the regex is possible. */
    boolean mayMatch(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
