package org.newsroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads articles to import: a folder (recursively) of .txt, .html and .json files, optionally described by a
 * {@code manifest.json} (outlet, title, publishedAt, url per file), or an NDJSON file with one request per line.
 */
public final class ArticleSource {

    /** One request body, with where it came from for error messages. */
    public record Item(String origin, ObjectNode body) {
    }

    private final ObjectMapper mapper;

    public ArticleSource(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<Item> read(Path path, String defaultOutlet) throws IOException {
        if (Files.isDirectory(path)) {
            return readFolder(path, defaultOutlet);
        }
        if (path.toString().endsWith(".ndjson") || path.toString().endsWith(".jsonl")) {
            return readNdjson(path);
        }
        return List.of(readFile(path, Map.of(), defaultOutlet));
    }

    private List<Item> readFolder(Path folder, String defaultOutlet) throws IOException {
        Map<String, JsonNode> manifest = new HashMap<>();
        Path manifestFile = folder.resolve("manifest.json");
        if (Files.exists(manifestFile)) {
            for (JsonNode entry : mapper.readTree(manifestFile.toFile()).path("articles")) {
                manifest.put(entry.path("file").asText(), entry);
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(manifestFile))
                    .filter(p -> extension(p).matches("txt|html|htm|json"))
                    .sorted().toList();
        }
        List<Item> items = new ArrayList<>();
        for (Path file : files) {
            items.add(readFile(file, manifest, defaultOutlet));
        }
        return items;
    }

    private Item readFile(Path file, Map<String, JsonNode> manifest, String defaultOutlet) throws IOException {
        String content = Files.readString(file);
        ObjectNode body;
        if (extension(file).equals("json")) {
            body = (ObjectNode) mapper.readTree(content);
            adaptForeignFields(body);
        } else {
            body = mapper.createObjectNode();
            body.put(extension(file).startsWith("htm") ? "html" : "text", content);
        }
        JsonNode described = manifest.get(file.getFileName().toString());
        if (described != null) {
            for (String field : List.of("outlet", "title", "publishedAt", "url", "storyHint")) {
                if (described.hasNonNull(field)) {
                    body.put(field, described.get(field).asText());
                }
            }
        }
        if (!body.hasNonNull("outlet") && defaultOutlet != null) {
            body.put("outlet", defaultOutlet);
        }
        return new Item(file.toString(), body);
    }

    /** Accepts common dataset field names (outlet_name, date) for the contract's (outlet, publishedAt). */
    private static void adaptForeignFields(ObjectNode body) {
        if (body.hasNonNull("outlet_name")) {
            body.put("outlet", body.get("outlet_name").asText());
        }
        if (!body.hasNonNull("publishedAt") && body.hasNonNull("date")) {
            body.put("publishedAt", body.get("date").asText());
        }
    }

    private List<Item> readNdjson(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                ObjectNode body = (ObjectNode) mapper.readTree(lines.get(i));
                adaptForeignFields(body);
                items.add(new Item(file + ":" + (i + 1), body));
            }
        }
        return items;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
