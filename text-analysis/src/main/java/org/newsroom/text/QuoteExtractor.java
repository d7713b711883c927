package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns quotation-mark spans into QUOTE candidates: merges quotes split around their attribution, drops scare quotes,
 * and finds the attribution in the text around the quote.
 */
final class QuoteExtractor {
    /** A quote to report: the claim span, the marks around it, and the attribution gap of a split quote (or -1). */
    record Candidate(int start, int end, int open, int close, int gapFrom, int gapTo) {}

    /** A quote accepted as reported speech, with its attribution (null when the speaker is unknown). */
    record Resolved(Candidate candidate, SpeakerResolver.Attribution attribution) {}

    private static final int MAX_ATTRIBUTION_WORDS = 12;

    private final String text;
    private final SentenceIndex sentences;
    private final List<Candidate> candidates;

    QuoteExtractor(String text, SentenceIndex sentences) {
        this.text = text;
        this.sentences = sentences;
        this.candidates = merge(QuoteFinder.find(text));
    }

    /** Quotes whose first quoted word lies in sentence {@code s}. */
    List<Candidate> startingIn(TaggedSentence s) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.start() >= s.start() && c.start() < s.end()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether {@code offset} lies between the quotation marks of any quote (scare quotes included). */
    boolean insideQuote(int offset) {
        for (Candidate c : candidates) {
            if (offset > c.open() && offset < c.close() && !(offset >= c.gapFrom() && offset < c.gapTo())) {
                return true;
            }
        }
        return false;
    }

    /** Resolves the attribution of a quote, or returns null when the span is not reported speech. */
    Resolved resolve(Candidate c, SpeakerResolver speakers) {
        TaggedSentence first = sentences.at(c.start());
        TaggedSentence last = sentences.at(Math.max(c.start(), c.end() - 1));
        SpeakerResolver.Attribution attribution = null;
        boolean direct = false;
        if (c.gapFrom() >= 0) {
            attribution = window(speakers, sentences.at(c.gapFrom()), c.gapFrom(), c.gapTo());
            direct = attribution != null;
        }
        SpeakerResolver.Attribution after = null;
        if (attribution == null && isClosed(c)) {
            TaggedSentence sentence = sentences.at(c.close());
            after = window(speakers, sentence, c.close() + 1, nextOpen(c.close() + 1, sentence.end()));
            if (after != null && isDirectAfter(c, after.cueStart())) {
                attribution = after;
                direct = true;
            }
        }
        if (attribution == null) {
            int leadStart = previousClose(c.open(), first.start());
            attribution = window(speakers, first, leadStart, c.open());
            if (attribution == null && leadStart > first.start()) {
                attribution = window(speakers, first, first.start(), c.open());
            }
            String lead = text.substring(leadStart, c.open()).strip();
            direct = attribution != null && (lead.endsWith(":") || lead.endsWith(","));
        }
        if (attribution == null) {
            attribution = after;
        }
        if (attribution == null && startsSentence(c, first)) {
            attribution = speakers.recent(first.index());
        }
        int words = wordsBetween(c.start(), c.end());
        if (!direct && (words <= 3 || (words <= 6 && attribution == null))) {
            return null;
        }
        if (attribution != null) {
            speakers.remember(attribution, last.index());
        }
        return new Resolved(c, attribution);
    }

    private SpeakerResolver.Attribution window(SpeakerResolver speakers, TaggedSentence s, int from, int to) {
        if (to <= from || wordsBetween(from, to) == 0) {
            return null;
        }
        int a = s.tokenAt(from);
        int b = s.tokenAt(to);
        return speakers.find(s, a, b, false, offset -> !insideQuote(offset));
    }

    /**
     * "“…,” he said" / "“…” said Smith": the quote ends in punctuation (or a comma follows the mark) and only a short
     * subject stands between the closing mark and the cue.
     */
    private boolean isDirectAfter(Candidate c, int cueStart) {
        String inner = text.substring(c.open() + 1, c.close()).strip();
        String between = text.substring(c.close() + 1, cueStart);
        boolean punctuated = inner.endsWith(",") || inner.endsWith(".") || inner.endsWith("?") || inner.endsWith("!")
                || inner.endsWith("…") || between.startsWith(",");
        String subject = between.replaceFirst("^\\s*,", "");
        return punctuated && !subject.matches(".*[,;:()—–].*") && FurnitureFilter.wordCount(subject) <= 5;
    }

    private boolean isClosed(Candidate c) {
        return c.close() < text.length() && "”\"’'»".indexOf(text.charAt(c.close())) >= 0;
    }

    private boolean startsSentence(Candidate c, TaggedSentence s) {
        return text.substring(s.start(), c.open()).isBlank();
    }

    private int nextOpen(int from, int limit) {
        for (Candidate c : candidates) {
            if (c.open() >= from && c.open() < limit) {
                return c.open();
            }
        }
        return limit;
    }

    private int previousClose(int open, int limit) {
        int best = limit;
        for (Candidate c : candidates) {
            if (c.close() < open && c.close() + 1 > best) {
                best = c.close() + 1;
            }
        }
        return best;
    }

    private int wordsBetween(int from, int to) {
        return to <= from ? 0 : FurnitureFilter.wordCount(text.substring(from, Math.min(to, text.length())));
    }

    /** Joins "“A,” he said, “B.”" into one quote from A to B, remembering the attribution gap. */
    private List<Candidate> merge(List<QuoteFinder.QuoteSpan> spans) {
        List<Candidate> out = new ArrayList<>();
        for (QuoteFinder.QuoteSpan q : spans) {
            Candidate previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && isSplitAttribution(previous, q)) {
                out.set(out.size() - 1, new Candidate(previous.start(), q.innerEnd(), previous.open(), q.close(),
                        previous.close() + 1, q.open()));
            } else {
                out.add(new Candidate(q.innerStart(), q.innerEnd(), q.open(), q.close(), -1, -1));
            }
        }
        return out;
    }

    private boolean isSplitAttribution(Candidate previous, QuoteFinder.QuoteSpan next) {
        if (previous.close() >= next.open() || previous.gapFrom() >= 0) {
            return false;
        }
        String gap = text.substring(previous.close() + 1, next.open());
        String inner = text.substring(previous.open() + 1, previous.close()).strip();
        boolean firstContinues = inner.endsWith(",") || gap.startsWith(",");
        return firstContinues && !gap.contains("\n") && gap.strip().endsWith(",")
                && FurnitureFilter.wordCount(gap) <= MAX_ATTRIBUTION_WORDS && containsSpeechVerb(gap);
    }

    private static boolean containsSpeechVerb(String gap) {
        for (String w : gap.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
            if (Lexicon.SPEECH_VERBS.contains(w) || w.equals("according")) {
                return true;
            }
        }
        return false;
    }
}
