package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.Span;

/** Tokenizes and POS-tags sentences with the OpenNLP UD models, keeping absolute offsets. */
final class SentenceTagger {
    private final NlpModels models;

    SentenceTagger(NlpModels models) {
        this.models = models;
    }

    List<TaggedSentence> tag(String text, List<int[]> sentenceSpans) {
        List<TaggedSentence> out = new ArrayList<>(sentenceSpans.size());
        for (int[] span : sentenceSpans) {
            String sentence = text.substring(span[0], span[1]);
            Span[] tokenSpans = models.tokenizer().tokenizePos(sentence);
            String[] words = new String[tokenSpans.length];
            for (int i = 0; i < tokenSpans.length; i++) {
                words[i] = sentence.substring(tokenSpans[i].getStart(), tokenSpans[i].getEnd());
            }
            String[] tags = models.posTagger().tag(words);
            List<Token> tokens = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                tokens.add(new Token(words[i], span[0] + tokenSpans[i].getStart(), span[0] + tokenSpans[i].getEnd(), tags[i]));
            }
            out.add(new TaggedSentence(out.size(), span[0], span[1], List.copyOf(tokens)));
        }
        return out;
    }
}
