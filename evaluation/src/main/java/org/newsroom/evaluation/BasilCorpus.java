package org.newsroom.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a corpus laid out like BASIL: one folder per event, one JSON file per outlet with {@code cluster_id},
 * {@code title}, {@code date} (YYYY-MM-DD), {@code text} and {@code outlet}. Only those fields are read.
 */
final class BasilCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BasilCorpus() {
    }

    /** The articles in publication order, ties by id. */
    static List<LabelledArticle> read(Path folder) {
        List<LabelledArticle> articles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, 2)) {
            for (Path file : files.filter(f -> f.getNameCount() - folder.getNameCount() == 2)
                    .filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                articles.add(new LabelledArticle(
                        folder.relativize(file).toString(),
                        node.path("cluster_id").asText(),
                        node.path("outlet").asText(),
                        node.path("title").asText(),
                        LocalDate.parse(node.path("date").asText()).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        node.path("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        articles.sort(Comparator.comparing(LabelledArticle::publishedAt).thenComparing(LabelledArticle::id));
        return articles;
    }
}
