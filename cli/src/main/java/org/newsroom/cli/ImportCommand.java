package org.newsroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a folder of .txt/.html/.json articles (with an optional manifest.json) or an NDJSON "
                + "file into a running ingest service. Exits non-zero if any article was rejected.")
public class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "folder, .json, .txt, .html or .ndjson file")
    Path path;

    @Option(names = "--url", defaultValue = "http://localhost:8081", description = "ingest service (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--key", defaultValue = "${env:NEWSROOM_INGEST_KEY}", description = "ingest API key (default: $NEWSROOM_INGEST_KEY)")
    String key;

    @Option(names = "--outlet", description = "outlet for files that name none")
    String outlet;

    @Option(names = "--concurrency", defaultValue = "4", description = "parallel requests (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Override
    public Integer call() throws Exception {
        if (key == null || key.isBlank()) {
            System.err.println("an ingest key is required: --key or NEWSROOM_INGEST_KEY");
            return 2;
        }
        return importAll(new ObjectMapper(), path, url, key, outlet, concurrency, System.out).ok() ? 0 : 1;
    }

    static BulkImporter.Summary importAll(ObjectMapper mapper, Path path, String url, String key, String outlet,
                                          int concurrency, PrintStream out) throws Exception {
        List<ArticleSource.Item> items = new ArticleSource(mapper).read(path, outlet);
        out.printf("importing %d articles from %s into %s%n", items.size(), path, url);
        BulkImporter.Summary summary = new BulkImporter(mapper, url, key, out).run(items, concurrency);
        out.printf("created %d, duplicate %d, rejected %d%n", summary.created(), summary.duplicates(), summary.rejected());
        for (BulkImporter.Result r : summary.results()) {
            if (!r.created() && !r.duplicate()) {
                out.printf("  rejected %s: %d %s%n", r.origin(), r.status(), r.body().path("detail").asText());
            }
        }
        return summary;
    }
}
