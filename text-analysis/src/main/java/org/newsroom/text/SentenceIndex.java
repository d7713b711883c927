package org.newsroom.text;

import java.util.List;

/** Finds the sentence containing an offset (or the nearest one before it) by binary search. */
final class SentenceIndex {
    private final List<TaggedSentence> sentences;

    SentenceIndex(List<TaggedSentence> sentences) {
        this.sentences = sentences;
    }

    TaggedSentence at(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sentences.get(mid).start() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return sentences.get(lo);
    }
}
