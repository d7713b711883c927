package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class GreedyPosTaggerTest {
    private static final List<String> SEEDS = List.of("000_225fc2826da9cf2d.txt", "001_b549dda8c9ccdc3d.txt",
            "002_90fc14d205102fb3.txt", "003_73413e24b191d6a3.txt", "004_441b78ae8d893819.txt");

    /** Every sentence of the seeds gets the tags of POSTaggerME with a beam of one. */
    @Test
    void sameTagsAsPosTaggerMeWithBeamOne() throws IOException {
        POSModel model;
        try (InputStream in = NlpModels.class.getResourceAsStream(NlpModels.POS_MODEL)) {
            model = new POSModel(in);
        }
        POSModel beamOfOne = new POSModel("en", (MaxentModel) model.getArtifact("pos.model"), 1, null, model.getFactory());
        POSTaggerME reference = new POSTaggerME(beamOfOne, POSTagFormat.UD);
        GreedyPosTagger greedy = new GreedyPosTagger(model);
        NlpModels models = new NlpModels();
        SentenceSplitter splitter = new SentenceSplitter(models);
        for (String seed : SEEDS) {
            String text = TextNormalizer.join(TextNormalizer.paragraphs(TestAnalyzer.resource("seeds/" + seed)));
            for (int[] span : splitter.split(text)) {
                String sentence = text.substring(span[0], span[1]);
                Span[] tokens = models.tokenizer().tokenizePos(sentence);
                String[] words = Span.spansToStrings(tokens, sentence);
                assertArrayEquals(reference.tag(words), greedy.tag(words), sentence);
            }
        }
    }
}
