package org.newsroom.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the assigner knows about one article.
 *
 * @param entities   canonical names of the people, organisations and places in the article, most salient first
 * @param quantities normalized figures such as "8000 detained"
 * @param quotes     quoted texts
 * @param embedding  unit-length sentence embedding of title and lead, from {@link ArticleEmbedder}
 */
public record ArticleFeatures(
        String title,
        String lead,
        List<String> entities,
        List<String> quantities,
        List<String> quotes,
        Instant publishedAt,
        float[] embedding) {

    public ArticleFeatures {
        Objects.requireNonNull(title, "title");
        lead = lead == null ? "" : lead;
        entities = List.copyOf(entities);
        quantities = List.copyOf(quantities);
        quotes = List.copyOf(quotes);
        Objects.requireNonNull(publishedAt, "publishedAt");
        embedding = Vectors.normalized(Objects.requireNonNull(embedding, "embedding"));
    }
}
