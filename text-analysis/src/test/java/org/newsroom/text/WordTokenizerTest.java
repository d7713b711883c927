package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private static final List<String> SEEDS = List.of("000_225fc2826da9cf2d.txt", "001_b549dda8c9ccdc3d.txt",
            "002_90fc14d205102fb3.txt", "003_73413e24b191d6a3.txt", "004_441b78ae8d893819.txt");

    /** The memo must never change a token: every line of the seeds, tokenized twice (memo cold, then warm). */
    @Test
    void sameSpansAsTokenizerMe() throws IOException {
        TokenizerME plain = new TokenizerME(model());
        WordTokenizer memoized = new WordTokenizer(new TokenizerME(model()));
        for (int round = 0; round < 2; round++) {
            for (String seed : SEEDS) {
                for (String line : TestAnalyzer.resource("seeds/" + seed).split("\n")) {
                    assertArrayEquals(plain.tokenizePos(line), memoized.tokenizePos(line), line);
                }
            }
        }
        String odd = "“Don’t,” he said\u00A0— U.S.-led  talks (in 2022)... e-mail: a@b.c\t$5.2bn!";
        assertArrayEquals(plain.tokenizePos(odd), memoized.tokenizePos(odd));
    }

    private static TokenizerModel model() throws IOException {
        try (InputStream in = NlpModels.class.getResourceAsStream(NlpModels.TOKEN_MODEL)) {
            return new TokenizerModel(in);
        }
    }
}
