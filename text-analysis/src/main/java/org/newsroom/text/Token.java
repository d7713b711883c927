package org.newsroom.text;

import java.util.Locale;

/**
 * A token with its absolute offsets in the normalized text, its Universal Dependencies POS tag and its lower-case
 * form, computed once: the claim and entity rules compare lower-cased tokens dozens of times each.
 */
record Token(String text, int start, int end, String pos, String lower) {
    Token(String text, int start, int end, String pos) {
        this(text, start, end, pos, text.toLowerCase(Locale.ROOT));
    }

    boolean isProperNoun() {
        return pos.equals("PROPN");
    }

    boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }
}
