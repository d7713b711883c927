package org.newsroom.text;

import java.util.List;

/**
 * A claim: for QUOTE the span is the quoted words, otherwise the sentence.
 * {@code speaker} is a canonical entity name or an institution phrase, or null when unattributed.
 */
public record Claim(ClaimKind kind, String text, int start, int end, String speaker, String cue, List<String> hedges,
                    boolean retracted, Quantity quantity, List<DateMention> dates) {
    public Claim {
        hedges = List.copyOf(hedges);
        dates = List.copyOf(dates);
    }
}
