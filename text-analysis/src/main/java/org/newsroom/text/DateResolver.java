package org.newsroom.text;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions and resolves them against the publication date (UTC): weekdays to the most recent such day
 * on or before publication ("next" weekdays after it), "last week" to the Monday of the previous week, "last month"
 * and "last year" to their first day, month-day dates without a year to the publication year (the previous year when
 * that would be more than a month in the future). Year-only mentions are not dates here.
 */
final class DateResolver {
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|"
            + "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(?:of\\s+)?(\\d{4})\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(last|next|this)\\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(yesterday|today|tomorrow|last night|(?:last|this|next) (?:week|month|year)|"
            + "the (?:previous|past) (?:week|month))\\b");

    /** Every month name and abbreviation starts with one of these. */
    private static final LiteralPrefilter MONTH_WORDS = new LiteralPrefilter("jan", "feb", "mar", "apr", "may", "jun",
            "jul", "aug", "sep", "oct", "nov", "dec");
    /** Every match of {@link #RELATIVE} contains one of these. */
    private static final LiteralPrefilter RELATIVE_WORDS = new LiteralPrefilter("yesterday", "today", "tomorrow", "night",
            "week", "month", "year");

    private DateResolver() {}

    static List<DateMention> find(String text, int from, int to, Instant publishedAt) {
        LocalDate pub = publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        String s = text.substring(from, to);
        List<DateMention> out = new ArrayList<>();
        boolean[] taken = new boolean[s.length()];
        if (hasDigit(s) && MONTH_WORDS.mayMatch(s)) {
            Matcher m = MONTH_DAY.matcher(s);
            while (m.find()) {
                add(out, taken, text, from, m, monthDay(m.group(1), m.group(2), m.group(3), pub));
            }
            m = DAY_MONTH.matcher(s);
            while (m.find()) {
                add(out, taken, text, from, m, monthDay(m.group(2), m.group(1), m.group(3), pub));
            }
            m = MONTH_YEAR.matcher(s);
            while (m.find()) {
                add(out, taken, text, from, m, LocalDate.of(Integer.parseInt(m.group(2)), month(m.group(1)), 1));
            }
        }
        if (s.contains("day")) {
            Matcher m = WEEKDAY.matcher(s);
            while (m.find()) {
                add(out, taken, text, from, m, pub == null ? null : weekday(m.group(1), m.group(2), pub));
            }
        }
        if (RELATIVE_WORDS.mayMatch(s)) {
            Matcher m = RELATIVE.matcher(s);
            while (m.find()) {
                add(out, taken, text, from, m, pub == null ? null : relative(m.group(1).toLowerCase(Locale.ROOT), pub));
            }
        }
        out.sort(java.util.Comparator.comparingInt(DateMention::start));
        return out;
    }

    /**
     * The three month patterns need a digit ({@code \d} is ASCII) and a month name, the weekday names all end in "day":
     * checking for those first skips regex searches that cannot match, which most claims' contexts would pay.
     */
    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static void add(List<DateMention> out, boolean[] taken, String text, int from, Matcher m, LocalDate date) {
        for (int k = m.start(); k < m.end(); k++) {
            if (taken[k]) {
                return;
            }
        }
        for (int k = m.start(); k < m.end(); k++) {
            taken[k] = true;
        }
        int start = from + m.start();
        int end = from + m.end();
        out.add(new DateMention(text.substring(start, end), start, end, date));
    }

    private static LocalDate monthDay(String monthName, String dayText, String yearText, LocalDate pub) {
        int month = month(monthName);
        int day = Integer.parseInt(dayText);
        if (day < 1 || day > 31) {
            return null;
        }
        if (yearText == null && pub == null) {
            return null;
        }
        int year = yearText != null ? Integer.parseInt(yearText) : pub.getYear();
        LocalDate date = safeDate(year, month, day);
        if (date != null && yearText == null && date.isAfter(pub.plusDays(31))) {
            date = safeDate(year - 1, month, day);
        }
        return date;
    }

    private static LocalDate safeDate(int year, int month, int day) {
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth() ? LocalDate.of(year, month, day) : null;
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(prefix) + 1;
    }

    private static LocalDate weekday(String modifier, String name, LocalDate pub) {
        DayOfWeek day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        if ("next".equals(modifier)) {
            return pub.with(TemporalAdjusters.next(day));
        }
        if ("last".equals(modifier) && pub.getDayOfWeek() == day) {
            return pub.minusWeeks(1);
        }
        return pub.with(TemporalAdjusters.previousOrSame(day));
    }

    private static LocalDate relative(String phrase, LocalDate pub) {
        return switch (phrase) {
            case "yesterday", "last night" -> pub.minusDays(1);
            case "today", "this week", "this month", "this year" -> phrase.equals("today") ? pub
                    : phrase.endsWith("week") ? pub.with(DayOfWeek.MONDAY)
                    : phrase.endsWith("month") ? pub.withDayOfMonth(1) : pub.withDayOfYear(1);
            case "tomorrow" -> pub.plusDays(1);
            case "last week", "the previous week", "the past week" -> pub.minusWeeks(1).with(DayOfWeek.MONDAY);
            case "next week" -> pub.plusWeeks(1).with(DayOfWeek.MONDAY);
            case "last month", "the previous month", "the past month" -> pub.minusMonths(1).withDayOfMonth(1);
            case "next month" -> pub.plusMonths(1).withDayOfMonth(1);
            case "last year" -> pub.minusYears(1).withDayOfYear(1);
            case "next year" -> pub.plusYears(1).withDayOfYear(1);
            default -> null;
        };
    }
}
