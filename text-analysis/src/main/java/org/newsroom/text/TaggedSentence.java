package org.newsroom.text;

import java.util.List;

/** A sentence with its tokens; {@code index} is its position in the article. */
record TaggedSentence(int index, int start, int end, List<Token> tokens) {
    String text(String doc) {
        return doc.substring(start, end);
    }

    /** Index of the first token starting at or after {@code offset}, or tokens.size(). */
    int tokenAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).end() > offset) {
                return i;
            }
        }
        return tokens.size();
    }
}
