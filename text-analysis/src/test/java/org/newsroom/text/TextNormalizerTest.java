package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    /** The two regex replacements the single pass replaced, kept here as the reference. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private static List<String> reference(String raw) {
        List<String> out = new ArrayList<>();
        for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String clean = SPACES.matcher(INVISIBLE.matcher(line).replaceAll("")).replaceAll(" ").trim();
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return out;
    }

    @Test
    void sameParagraphsAsTheRegexReplacements() {
        List<String> samples = List.of("  Two  spaces\tand a tab  ", "a \u200B b", "zero\u200Bwidth\u00ADsoft",
                "\u00A0no-break\u2003em\u3000ideographic\u202F\u205Fend\u00A0", "\u0001control\u001F \u0001",
                "line\r\nbreaks\rold\n\n\nmac", "\uFEFF\u200D \u2060", "emoji \uD83D\uDE00\u200A\u200Ahere", "\u000Bvt\f");
        for (String s : samples) {
            assertEquals(reference(s), TextNormalizer.paragraphs(s), s);
        }
        for (String seed : List.of("000_225fc2826da9cf2d.txt", "001_b549dda8c9ccdc3d.txt", "002_90fc14d205102fb3.txt",
                "003_73413e24b191d6a3.txt", "004_441b78ae8d893819.txt")) {
            String text = TestAnalyzer.resource("seeds/" + seed);
            assertEquals(reference(text), TextNormalizer.paragraphs(text), seed);
        }
    }
}
