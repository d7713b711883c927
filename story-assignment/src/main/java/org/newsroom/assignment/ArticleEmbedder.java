package org.newsroom.assignment;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.time.Instant;
import java.util.List;

/**
 * Sentence embedding of an article's title and lead with all-MiniLM-L6-v2 (quantized), run in process.
 * The ONNX model ships inside the dependency's jar: nothing is downloaded. Thread-safe; the model is loaded
 * once per class loader, on first use.
 */
public final class ArticleEmbedder {

    public static final int DIMENSION = 384;

    private static final class Model {
        // Runnable::run keeps each call on the caller's thread: no pool to size or shut down.
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    /** Unit-length embedding of {@code title} followed by {@code lead}. */
    public float[] embed(String title, String lead) {
        String text = lead == null || lead.isBlank() ? title : title + ". " + lead;
        return Vectors.normalized(Model.INSTANCE.embed(text).content().vector());
    }

    /** Features of an article whose entities, quantities and quotes were extracted elsewhere. */
    public ArticleFeatures features(String title, String lead, List<String> entities, List<String> quantities,
                                    List<String> quotes, Instant publishedAt) {
        return new ArticleFeatures(title, lead, entities, quantities, quotes, publishedAt, embed(title, lead));
    }
}
