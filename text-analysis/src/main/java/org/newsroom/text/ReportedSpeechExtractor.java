package org.newsroom.text;

import java.util.Set;
import java.util.function.IntPredicate;

/** Finds indirect speech and attributions in a sentence ("X said (that) …", "according to X, …", "X claimed …"). */
final class ReportedSpeechExtractor {
    private ReportedSpeechExtractor() {}

    /** The attribution of the sentence outside quotation marks and cues already used by quotes, or null. */
    static SpeakerResolver.Attribution find(TaggedSentence s, SpeakerResolver speakers, IntPredicate allowCue,
                                            Set<Integer> usedCues) {
        if (s.tokens().size() < 5) {
            return null;
        }
        return speakers.find(s, 0, s.tokens().size(), true, offset -> allowCue.test(offset) && !usedCues.contains(offset));
    }
}
