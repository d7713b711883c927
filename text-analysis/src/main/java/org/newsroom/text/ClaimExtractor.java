package org.newsroom.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extracts claims sentence by sentence in reading order, so that pronoun speakers resolve to the last named speaker:
 * quotes first, then reported speech, quantities, and finally plain statements for sentences with no other claim.
 */
final class ClaimExtractor {
    private static final Pattern PROSE_END = Pattern.compile("[.!?:\"”’»)]$");
    private static final int MIN_UNPUNCTUATED_WORDS = 12;

    private ClaimExtractor() {}

    static List<Claim> extract(String text, List<TaggedSentence> tagged, EntityIndex entities, Instant publishedAt) {
        SentenceIndex index = new SentenceIndex(tagged);
        QuoteExtractor quotes = new QuoteExtractor(text, index);
        SpeakerResolver speakers = new SpeakerResolver(text, entities, quotes::insideQuote);
        Set<Integer> usedCues = new HashSet<>();
        List<Claim> claims = new ArrayList<>();
        List<Claim> quoteClaims = new ArrayList<>();
        Map<Claim, SpeakerResolver.Attribution> quoteAttributions = new HashMap<>();
        for (TaggedSentence s : tagged) {
            for (QuoteExtractor.Candidate c : quotes.startingIn(s)) {
                QuoteExtractor.Resolved r = quotes.resolve(c, speakers);
                if (r != null) {
                    SpeakerResolver.Attribution a = r.attribution();
                    if (a != null) {
                        usedCues.add(a.cueStart());
                    }
                    int from = s.start();
                    int to = index.at(Math.max(c.start(), c.end() - 1)).end();
                    Claim q = claim(ClaimKind.QUOTE, text, c.start(), c.end(), a, from, to, null, publishedAt);
                    claims.add(q);
                    quoteClaims.add(q);
                    if (a != null) {
                        quoteAttributions.put(q, a);
                    }
                }
            }
            boolean prose = isProse(s, text);
            boolean quoteAttributed = quoteClaims.stream().anyMatch(q -> q.start() >= s.start() && q.start() < s.end()
                    && q.speaker() != null);
            SpeakerResolver.Attribution reported = !prose || quoteAttributed ? null : ReportedSpeechExtractor.find(s, speakers,
                    offset -> !quotes.insideQuote(offset), usedCues);
            if (reported != null) {
                speakers.remember(reported, s.index());
                usedCues.add(reported.cueStart());
                claims.add(claim(ClaimKind.REPORTED, text, s.start(), s.end(), reported, s.start(), s.end(), null, publishedAt));
            }
            SpeakerResolver.Attribution sentenceAttribution = reported != null ? reported
                    : quoteAttribution(quoteClaims, quoteAttributions, s);
            List<QuantityParser.Found> found = prose ? QuantityParser.parse(s) : List.of();
            for (QuantityParser.Found f : found) {
                claims.add(claim(ClaimKind.QUANTITY, text, s.start(), s.end(), sentenceAttribution, s.start(), s.end(),
                        f.quantity(), publishedAt));
            }
            speakers.noteSentence(s, sentenceAttribution);
            if (reported == null && found.isEmpty() && !overlapsQuote(quoteClaims, s) && StatementSelector.isStatement(s, text)) {
                claims.add(claim(ClaimKind.STATEMENT, text, s.start(), s.end(), null, s.start(), s.end(), null, publishedAt));
            }
        }
        claims.sort(Comparator.comparingInt(Claim::start).thenComparing(Claim::kind));
        return claims;
    }

    /** Headings and labels (no final punctuation, few words) carry no claims. */
    private static boolean isProse(TaggedSentence s, String text) {
        String sentence = s.text(text).strip();
        return PROSE_END.matcher(sentence).find() || FurnitureFilter.wordCount(sentence) >= MIN_UNPUNCTUATED_WORDS;
    }

    private static Claim claim(ClaimKind kind, String text, int start, int end, SpeakerResolver.Attribution a,
                               int contextFrom, int contextTo, Quantity quantity, Instant publishedAt) {
        String context = text.substring(contextFrom, contextTo);
        return new Claim(kind, text.substring(start, end), start, end, a == null ? null : a.speaker(),
                a == null ? null : a.cue(), HedgeDetector.hedges(context), HedgeDetector.retracted(context), quantity,
                DateResolver.find(text, contextFrom, contextTo, publishedAt));
    }

    /** The speaker of a quote covering part of the sentence, as attribution for figures inside quoted speech. */
    private static SpeakerResolver.Attribution quoteAttribution(List<Claim> quotes,
            Map<Claim, SpeakerResolver.Attribution> attributions, TaggedSentence s) {
        for (int i = quotes.size() - 1; i >= 0; i--) {
            Claim q = quotes.get(i);
            if (q.start() < s.end() && q.end() > s.start() && attributions.containsKey(q)) {
                return attributions.get(q);
            }
        }
        return null;
    }

    private static boolean overlapsQuote(List<Claim> quotes, TaggedSentence s) {
        for (int i = quotes.size() - 1; i >= 0; i--) {
            if (quotes.get(i).start() < s.end() && quotes.get(i).end() > s.start()) {
                return true;
            }
        }
        return false;
    }
}
