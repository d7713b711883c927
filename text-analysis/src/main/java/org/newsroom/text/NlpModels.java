package org.newsroom.text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/** Loads the OpenNLP English UD models once; the ME wrappers are not thread-safe, so each thread gets its own. */
final class NlpModels {
    private static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private final ThreadLocal<SentenceDetectorME> sentenceDetector;
    private final ThreadLocal<WordTokenizer> tokenizer;
    private final ThreadLocal<POSTaggerME> posTagger;

    NlpModels() {
        SentenceModel sentenceModel = load(SENTENCE_MODEL, SentenceModel::new);
        TokenizerModel tokenizerModel = load(TOKEN_MODEL, TokenizerModel::new);
        POSModel posModel = load(POS_MODEL, in -> new POSModel(new ByteArrayInputStream(withGreedyDecoding(in))));
        sentenceDetector = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
        tokenizer = ThreadLocal.withInitial(() -> new WordTokenizer(new TokenizerME(tokenizerModel)));
        posTagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel, POSTagFormat.UD));
    }

    SentenceDetectorME sentenceDetector() {
        return sentenceDetector.get();
    }

    WordTokenizer tokenizer() {
        return tokenizer.get();
    }

    POSTaggerME posTagger() {
        return posTagger.get();
    }

    private interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    /**
     * Rewrites the model's manifest to beam size 1: greedy decoding halves tagging time and gave identical tags to the
     * default beam of 3 on the development corpus.
     */
    private static byte[] withGreedyDecoding(InputStream model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(model); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (entry.getName().equals("manifest.properties")) {
                    Properties manifest = new Properties();
                    manifest.load(new ByteArrayInputStream(data));
                    manifest.setProperty(BeamSearch.BEAM_SIZE_PARAMETER, "1");
                    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
                    manifest.store(rewritten, null);
                    data = rewritten.toByteArray();
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
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
