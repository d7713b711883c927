package org.newsroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroom.cli.ArticleSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The seed articles as POST /articles bodies, and unique variants of them (own url, a slightly changed text). */
final class Seeds {

    private final ObjectMapper mapper;
    private final List<ObjectNode> bodies;

    Seeds(Path folder, ObjectMapper mapper) throws IOException {
        this.mapper = mapper;
        this.bodies = new ArticleSource(mapper).read(folder, "Bench").stream().map(ArticleSource.Item::body).toList();
        if (bodies.isEmpty()) {
            throw new IllegalStateException("no seed articles in " + folder);
        }
    }

    List<ObjectNode> originals() {
        return bodies;
    }

    /** Variant {@code n} of the seeds, in the same story: a unique url and one closing sentence of its own. */
    ObjectNode variant(String run, int n) {
        ObjectNode body = bodies.get(n % bodies.size()).deepCopy();
        body.put("url", "https://bench.example.org/" + run + "/" + n);
        body.put("text", body.get("text").asText() + "\n\nThis report was updated " + (n % 59 + 1)
                + " minutes later with reporting from desk " + n + ".");
        return body;
    }

    /**
     * Variant {@code n}, published a year after its seed: further from the seed story than a story lasts, so these
     * variants open a story of their own and grow it, and warm the services up without touching the seed story.
     */
    ObjectNode yearLaterVariant(String run, int n) {
        ObjectNode body = variant(run, n);
        body.put("url", "https://bench.example.org/" + run + "/later/" + n);
        String published = body.path("publishedAt").asText("2022-01-10");
        body.put("publishedAt", published.length() == 10 ? LocalDate.parse(published).plusYears(1).toString()
                : OffsetDateTime.parse(published).plusYears(1).toString());
        return body;
    }

    String json(ObjectNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
