package org.newsroom.text;

/** A token with its absolute offsets in the normalized text and its Universal Dependencies POS tag. */
record Token(String text, int start, int end, String pos) {
    boolean isProperNoun() {
        return pos.equals("PROPN");
    }

    boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
