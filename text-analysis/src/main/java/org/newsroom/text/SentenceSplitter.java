package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/** Splits normalized text into sentences: paragraphs are hard boundaries, then the OpenNLP model, then abbreviation repairs. */
final class SentenceSplitter {
    /** Abbreviations that are virtually never sentence-final, so a split after them is always wrong. */
    private static final Set<String> NEVER_FINAL = Set.of("mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen",
            "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "rev", "st", "mt", "ft", "no", "vs", "v", "messrs", "hon",
            "pres", "supt", "insp", "det", "cpl", "pvt", "reps", "sens", "fr");
    /** Month abbreviations are only non-final when a day number follows. */
    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}.]+)\\.\\s*$");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}");

    private final NlpModels models;

    SentenceSplitter(NlpModels models) {
        this.models = models;
    }

    List<int[]> split(String text) {
        List<int[]> result = new ArrayList<>();
        int paragraphStart = 0;
        while (paragraphStart < text.length()) {
            int paragraphEnd = text.indexOf("\n\n", paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            splitParagraph(text, paragraphStart, paragraphEnd, result);
            paragraphStart = paragraphEnd + 2;
        }
        return result;
    }

    private void splitParagraph(String text, int from, int to, List<int[]> out) {
        String paragraph = text.substring(from, to);
        List<int[]> spans = new ArrayList<>();
        for (Span s : models.sentenceDetector().sentPosDetect(paragraph)) {
            spans.add(new int[] {from + s.getStart(), from + s.getEnd()});
        }
        if (spans.isEmpty() && !paragraph.isBlank()) {
            spans.add(new int[] {from, to});
        }
        List<int[]> repaired = new ArrayList<>();
        for (int[] span : spans) {
            int[] previous = repaired.isEmpty() ? null : repaired.get(repaired.size() - 1);
            if (previous != null && shouldMerge(text, previous, span)) {
                previous[1] = span[1];
            } else if (previous != null && leadingClosingQuote(text, previous, span) > 0) {
                int moved = leadingClosingQuote(text, previous, span);
                previous[1] = span[0] + moved;
                int start = span[0] + moved;
                while (start < span[1] && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                if (start < span[1]) {
                    repaired.add(new int[] {start, span[1]});
                }
            } else {
                repaired.add(span);
            }
        }
        out.addAll(repaired);
    }

    private static boolean shouldMerge(String text, int[] previous, int[] next) {
        String before = text.substring(previous[0], previous[1]);
        String after = text.substring(next[0], next[1]);
        Matcher m = LAST_WORD.matcher(before);
        if (!m.find() || after.isEmpty()) {
            return false;
        }
        String word = m.group(1);
        String bare = word.replace(".", "").toLowerCase(Locale.ROOT);
        char first = after.charAt(0);
        if (NEVER_FINAL.contains(bare) && !word.contains(".")) {
            return true;
        }
        if (MONTHS.contains(bare) && Character.isDigit(first)) {
            return true;
        }
        if (INITIAL.matcher(word).matches() && Character.isUpperCase(first)) {
            return true;
        }
        return DOTTED_ACRONYM.matcher(word + ".").matches()
                && (Character.isLowerCase(first) || Character.isDigit(first));
    }

    /** Length of a closing quotation mark the model wrongly attached to the start of the next sentence. */
    private static int leadingClosingQuote(String text, int[] previous, int[] next) {
        char c = text.charAt(next[0]);
        boolean closing = c == '”' || c == '»' || c == '’'
                || (c == '"' && count(text, previous[0], previous[1], '"') % 2 == 1);
        if (!closing) {
            return 0;
        }
        return next[1] - next[0] > 1 && !Character.isWhitespace(text.charAt(next[0] + 1)) ? 0 : 1;
    }

    private static int count(String text, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
