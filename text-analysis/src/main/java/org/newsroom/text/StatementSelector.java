package org.newsroom.text;

import java.util.regex.Pattern;

/** Decides whether an unattributed sentence is a check-worthy factual statement. */
final class StatementSelector {
    private static final int MIN_WORDS = 7;
    private static final Pattern FINAL = Pattern.compile("[.!\"”’»]\\s*$");
    private static final Pattern FIRST_PERSON_OPINION = Pattern.compile("(?i)^(i think|i believe|in my (view|opinion)|we think)\\b");

    private StatementSelector() {}

    static boolean isStatement(TaggedSentence s, String text) {
        String sentence = s.text(text).strip();
        if (sentence.endsWith("?") || !FINAL.matcher(sentence).find() || FurnitureFilter.wordCount(sentence) < MIN_WORDS
                || FIRST_PERSON_OPINION.matcher(sentence).find()) {
            return false;
        }
        boolean hasVerb = false;
        boolean hasFact = false;
        for (Token t : s.tokens()) {
            hasVerb |= t.pos().equals("VERB") || t.pos().equals("AUX");
            hasFact |= t.isProperNoun() || t.pos().equals("NUM");
        }
        return hasVerb && hasFact;
    }
}
