package org.newsroom.query.view.merge;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalWordingTest {

    /** The plain form of the rule: {@code strip().split("\\s+")} words, empty text none. */
    private static boolean plainFitLength(String text) {
        String t = text.strip();
        int words = t.isEmpty() ? 0 : t.split("[ \\t\\n\\x0B\\f\\r]+").length;
        return words >= 6 && words <= 45;
    }

    @Test
    void aFittingLengthIsSixToFortyFiveWords() {
        assertFalse(CanonicalWording.fitLength("Five words are too few."));
        assertTrue(CanonicalWording.fitLength("  Six words\tare just\n enough here. "));
        assertTrue(CanonicalWording.fitLength("word ".repeat(45)));
        assertFalse(CanonicalWording.fitLength("word ".repeat(46)));
        Random random = new Random(7);
        String alphabet = "ab  \t\n\u2003\u00a0.";
        for (int t = 0; t < 5_000; t++) {
            char[] chars = new char[random.nextInt(200)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(chars);
            assertEquals(plainFitLength(text), CanonicalWording.fitLength(text), text);
        }
    }
}
