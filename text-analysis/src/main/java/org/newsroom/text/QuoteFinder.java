package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;

/** Finds spans enclosed in quotation marks (straight, curly, guillemets, and single marks when clearly quotes). */
final class QuoteFinder {
    /**
     * A quoted span: {@code open}/{@code close} are the mark positions ({@code close} is the paragraph end when the
     * quote runs on into the next paragraph); inner offsets exclude the marks and surrounding blanks.
     */
    record QuoteSpan(int open, int close, int innerStart, int innerEnd, boolean closed) {}

    private QuoteFinder() {}

    static List<QuoteSpan> find(String text) {
        List<QuoteSpan> out = new ArrayList<>();
        int paragraphStart = 0;
        while (paragraphStart < text.length()) {
            int paragraphEnd = text.indexOf("\n\n", paragraphStart);
            if (paragraphEnd < 0) {
                paragraphEnd = text.length();
            }
            findInParagraph(text, paragraphStart, paragraphEnd, out);
            paragraphStart = paragraphEnd + 2;
        }
        return out;
    }

    private static void findInParagraph(String text, int from, int to, List<QuoteSpan> out) {
        char openMark = 0;
        int openAt = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            char prev = i > from ? text.charAt(i - 1) : ' ';
            char next = i + 1 < to ? text.charAt(i + 1) : ' ';
            if (openMark == '‘' || openMark == '\'') {
                if (c == '“' || c == '”' || c == '"' || c == '«' || c == '»') {
                    openMark = 0;
                } else if ((c == '’' || c == '\'') && !Character.isLetterOrDigit(next) && !Character.isWhitespace(prev)) {
                    add(text, openAt, i, true, out);
                    openMark = 0;
                    continue;
                } else {
                    continue;
                }
            }
            switch (c) {
                case '“', '«' -> {
                    if (openMark != 0) {
                        add(text, openAt, i, false, out);
                    }
                    openMark = c;
                    openAt = i;
                }
                case '”', '»' -> {
                    if (openMark != 0) {
                        add(text, openAt, i, true, out);
                        openMark = 0;
                    }
                }
                case '"' -> {
                    if (openMark != 0) {
                        add(text, openAt, i, true, out);
                        openMark = 0;
                    } else {
                        openMark = c;
                        openAt = i;
                    }
                }
                case '‘', '\'' -> {
                    if (openMark == 0 && !Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next)) {
                        openMark = c;
                        openAt = i;
                    }
                }
                default -> { }
            }
        }
        if (openMark == '“' || openMark == '«' || openMark == '"') {
            add(text, openAt, to, false, out);
        }
    }

    private static void add(String text, int open, int close, boolean closed, List<QuoteSpan> out) {
        int s = open + 1;
        int e = close;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) {
            e--;
        }
        if (e > s) {
            out.add(new QuoteSpan(open, close, s, e, closed));
        }
    }
}
