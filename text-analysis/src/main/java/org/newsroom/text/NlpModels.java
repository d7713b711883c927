package org.newsroom.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/** Loads the OpenNLP English UD models once; the ME wrappers are not thread-safe, so each thread gets its own. */
final class NlpModels {
    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private final ThreadLocal<SentenceDetectorME> sentenceDetector;
    private final ThreadLocal<WordTokenizer> tokenizer;
    private final ThreadLocal<GreedyPosTagger> posTagger;

    NlpModels() {
        SentenceModel sentenceModel = load(SENTENCE_MODEL, SentenceModel::new);
        TokenizerModel tokenizerModel = load(TOKEN_MODEL, TokenizerModel::new);
        POSModel posModel = load(POS_MODEL, POSModel::new);
        sentenceDetector = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
        tokenizer = ThreadLocal.withInitial(() -> new WordTokenizer(new TokenizerME(tokenizerModel)));
        posTagger = ThreadLocal.withInitial(() -> new GreedyPosTagger(posModel));
    }

    SentenceDetectorME sentenceDetector() {
        return sentenceDetector.get();
    }

    WordTokenizer tokenizer() {
        return tokenizer.get();
    }

    GreedyPosTagger posTagger() {
        return posTagger.get();
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, ModelReader<T> reader) {
        try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model not on classpath: " + resource);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP model " + resource, e);
        }
    }
}
