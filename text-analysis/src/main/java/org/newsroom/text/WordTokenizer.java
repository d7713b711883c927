package org.newsroom.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;

/**
 * {@link TokenizerME} with its splits memoized per whitespace-delimited word. TokenizerME first cuts the text at
 * whitespace and then decides every split inside a word from that word alone (its context generator sees only the
 * word and the position in it), so a word is always split the same way: the memo gives identical tokens while
 * common words ("the", "said") skip one maxent evaluation per character. Not thread-safe, like TokenizerME.
 */
final class WordTokenizer {
    /** Words remembered; a news vocabulary's frequent words fit in well under a megabyte. */
    private static final int CAPACITY = 10_000;

    private final TokenizerME tokenizer;
    private final Map<String, Span[]> splits = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Span[]> eldest) {
            return size() > CAPACITY;
        }
    };

    WordTokenizer(TokenizerME tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Token spans of {@code text}, exactly as {@link TokenizerME#tokenizePos} returns them. */
    Span[] tokenizePos(String text) {
        List<Span> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && StringUtil.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !StringUtil.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start < i) {
                for (Span part : splits.computeIfAbsent(text.substring(start, i), tokenizer::tokenizePos)) {
                    tokens.add(new Span(start + part.getStart(), start + part.getEnd()));
                }
            }
        }
        return tokens.toArray(new Span[0]);
    }
}
