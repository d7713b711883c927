package org.newsroom.assignment;

import java.time.Instant;
import java.util.Arrays;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleFeatures a
                && title.equals(a.title) && lead.equals(a.lead) && entities.equals(a.entities)
                && quantities.equals(a.quantities) && quotes.equals(a.quotes) && publishedAt.equals(a.publishedAt)
                && Arrays.equals(embedding, a.embedding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, lead, entities, quantities, quotes, publishedAt, Arrays.hashCode(embedding));
    }

    @Override
    public String toString() {
        return "ArticleFeatures[" + title + ", " + publishedAt + ", entities " + entities + ", quantities "
                + quantities + ", " + quotes.size() + " quotes]";
    }
}
