package org.newsroom.query.view.merge;

import org.newsroom.query.view.text.EnglishLexicon;
import org.newsroom.query.view.text.Words;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What a quantity counts: the family of its event ("killed", "died" and "dead" are deaths) and the nouns of what
 * is counted ("security officers"). "people" and other generic nouns count nothing in particular.
 */
public record QuantityTopic(String family, List<String> nouns, String unit) {

    public static QuantityTopic of(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String family = null;
        TreeSet<String> nouns = new TreeSet<>();
        for (String token : Words.tokens(unit)) {
            if (EnglishLexicon.STOPWORDS.contains(token) || EnglishLexicon.NEGATORS.contains(token)
                    || EnglishLexicon.LIGHT_VERBS.contains(token) || Character.isDigit(token.charAt(0))) {
                continue;
            }
            String term = Words.term(token);
            if (EnglishLexicon.isFamily(term)) {
                family = family == null ? term : family;
            } else {
                nouns.add(term);
            }
        }
        if (family == null && nouns.isEmpty()) {
            return null;
        }
        return new QuantityTopic(family, List.copyOf(nouns), unit.trim().toLowerCase(Locale.ROOT));
    }

    /** The key that groups topics which may be the same thing: the event family, else the last noun. */
    public String block() {
        return family != null ? family : nouns.get(nouns.size() - 1);
    }

    /** Same event, and the same things counted: both generic, or one's nouns within the other's. */
    public boolean sameThing(QuantityTopic other) {
        if (other == null || !java.util.Objects.equals(family, other.family)) {
            return false;
        }
        if (nouns.isEmpty() || other.nouns.isEmpty()) {
            return nouns.isEmpty() && other.nouns.isEmpty();
        }
        return nouns.containsAll(other.nouns) || other.nouns.containsAll(nouns);
    }

}
