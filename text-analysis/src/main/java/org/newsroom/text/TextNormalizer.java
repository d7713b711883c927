package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Normalizes whitespace line by line; every non-empty line becomes a paragraph. */
final class TextNormalizer {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private TextNormalizer() {}

    static List<String> paragraphs(String raw) {
        List<String> out = new ArrayList<>();
        for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String clean = SPACES.matcher(INVISIBLE.matcher(line).replaceAll("")).replaceAll(" ").trim();
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return out;
    }

    static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }
}
