package org.newsroom.assignment;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedding model comes from the classpath: it loads and embeds with every network connection refused. */
class OfflineEmbeddingModelTest {

    @Test
    void modelLoadsAndEmbedsWithoutNetwork() {
        assertNotNull(AllMiniLmL6V2QuantizedEmbeddingModel.class.getResource("/all-minilm-l6-v2-q.onnx"));
        List<URI> attempts = new ArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                throw new IllegalStateException("network access attempted: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
        try {
            var model = new ArticleEmbedder.SingleThreaded();
            float[] vector = model.embed("Dock workers strike at the port").content().vector();
            assertEquals(ArticleEmbedder.DIMENSION, vector.length);
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertTrue(attempts.isEmpty(), "network access attempted: " + attempts);
    }

    /** The single-threaded session computes exactly what the library's own model does, on the same inputs. */
    @Test
    void theSingleThreadedSessionGivesTheLibraryModelsVectors() {
        var library = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        var ours = new ArticleEmbedder.SingleThreaded();
        List<String> texts = List.of("Dock workers strike at the port",
                "Officials said at least 12 people died, while the ministry put the toll at 9.",
                "Der Hafen bleibt geschlossen. " + "Long lead sentence about a harbour closure. ".repeat(40),
                "À 9 h, « grève » — 罢工");
        for (String text : texts) {
            float[] expected = library.embed(text).content().vector();
            float[] actual = ours.embed(text).content().vector();
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-6f, "component " + i + " of \"" + text + "\"");
            }
        }
    }

    @Test
    void embeddingsPlaceParaphrasesCloserThanUnrelatedText() {
        ArticleEmbedder embedder = new ArticleEmbedder();
        float[] strike = embedder.embed("Port workers strike shuts harbor", "Dock workers walked off the job.");
        float[] paraphrase = embedder.embed("Dockers walk out, halting the port", "Cargo traffic stopped.");
        float[] unrelated = embedder.embed("New species of frog found in rainforest", "Biologists named it.");
        assertTrue(Vectors.dot(strike, paraphrase) > Vectors.dot(strike, unrelated) + 0.2);
        assertEquals(1.0, Vectors.dot(strike, strike), 1e-5);
    }
}
