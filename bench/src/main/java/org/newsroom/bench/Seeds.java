package org.newsroom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroom.cli.ArticleSource;

import java.io.IOException;
import java.nio.file.Path;
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

    String json(ObjectNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
