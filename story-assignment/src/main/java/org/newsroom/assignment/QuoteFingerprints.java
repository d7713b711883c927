package org.newsroom.assignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Fingerprints of a quotation: hashes of its overlapping five-word runs, so two outlets quoting overlapping parts
 * of the same sentence share a fingerprint while short stock phrases do not.
 */
final class QuoteFingerprints {

    static final int SHINGLE_WORDS = 5;

    private QuoteFingerprints() {
    }

    private static String hex(long hash) {
        String digits = Long.toHexString(hash);
        return "0".repeat(16 - digits.length()) + digits;
    }

    static List<String> of(String quote) {
        String[] words = EntityKeys.normalize(quote).split(" ");
        List<String> prints = new ArrayList<>();
        for (int i = 0; i + SHINGLE_WORDS <= words.length; i++) {
            long hash = 0xcbf29ce484222325L;
            for (int w = i; w < i + SHINGLE_WORDS; w++) {
                String word = words[w];
                for (int c = 0; c < word.length(); c++) {
                    hash = (hash ^ word.charAt(c)) * 0x100000001b3L;
                }
                hash = (hash ^ ' ') * 0x100000001b3L;
            }
            prints.add(hex(hash));
        }
        return prints;
    }
}
