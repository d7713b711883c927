package org.newsroom.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Separates a leading dateline ("NAIROBI, March 3 (Reuters) –", "LIMA (AP) —") from the first body paragraph. */
final class DatelineParser {
    /** The dateline text (without its trailing dash) and the body text that follows it. */
    record Dateline(String dateline, String rest) {}

    private static final String DATE = "(?:,\\s*(?:\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+\\p{Lu}\\p{Ll}{2,8}))?";
    private static final String CREDIT = "(?:\\s*\\([^)]{2,60}\\))?";
    private static final String DASH = "\\s*(?:[-–—]+|:)\\s+";
    /** Upper-case place names, possibly several joined by slashes. */
    private static final Pattern UPPER = Pattern.compile("^(\\p{Lu}[\\p{Lu}.'’\\- ]{1,40}\\p{Lu}\\.?(?:\\s*/\\s*\\p{Lu}[\\p{Lu}.'’\\- ]{1,40}\\p{Lu})*"
            + "(?:,\\s*\\p{Lu}[\\p{Lu}\\p{Ll}.]+)?" + DATE + CREDIT + ")" + DASH + "(?=\\S)");
    /** Title-case place names need a credit or a spaced long dash to count as a dateline. */
    private static final Pattern TITLE_CASE = Pattern.compile("^(\\p{Lu}[\\p{L}.'’\\-]+(?:\\s\\p{Lu}[\\p{L}.'’\\-]+){0,2}"
            + "(?:,\\s*\\p{Lu}[\\p{L}.]+)?" + DATE + "(?:\\s*\\([^)]{2,60}\\)\\s*[-–—]+|\\s+[–—]))\\s+(?=\\p{Lu}|[“\"])");

    private DatelineParser() {}

    static Optional<Dateline> parse(String paragraph) {
        for (Pattern pattern : new Pattern[] {UPPER, TITLE_CASE}) {
            Matcher m = pattern.matcher(paragraph);
            if (m.find()) {
                String dateline = m.group(1).replaceAll("\\s*[-–—]+$", "").trim();
                return Optional.of(new Dateline(dateline, paragraph.substring(m.end())));
            }
        }
        return Optional.empty();
    }
}
