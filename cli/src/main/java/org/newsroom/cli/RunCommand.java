package org.newsroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL (embedded unless QUARKUS_DATASOURCE_JDBC_URL is set) and both services, "
                + "import the seeds, print where to read the story; Ctrl-C stops everything.")
public class RunCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = ".", description = "the project folder (default: current folder)")
    Path home;

    @Option(names = "--seeds", description = "articles to import (default: <home>/seeds)")
    Path seeds;

    @Option(names = "--ingest-port", defaultValue = "8081")
    int ingestPort;

    @Option(names = "--query-port", defaultValue = "8080")
    int queryPort;

    @Override
    public Integer call() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        System.out.println(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null
                ? "starting embedded PostgreSQL and both services..."
                : "starting both services on " + System.getenv("QUARKUS_DATASOURCE_JDBC_URL") + "...");
        NewsroomStack stack = NewsroomStack.start(home.toAbsolutePath(), ingestPort, queryPort, false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping services and database...");
            stack.close();
            stopped.countDown();
        }));
        Path source = seeds != null ? seeds : home.resolve("seeds");
        BulkImporter.Summary summary = ImportCommand.importAll(mapper, source, stack.ingest().url(),
                stack.ingestKey(), null, 4, System.out);
        long position = summary.results().stream().mapToLong(r -> r.body().path("position").asLong()).max().orElse(0);
        JsonNode stories = mapper.readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.query().url() + "/stories?minPosition=" + position)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        System.out.println();
        System.out.println("Stories:");
        for (JsonNode s : stories.path("stories")) {
            System.out.printf("  %s  %s  (%d articles, %d outlets, %d claims, %d contradictions)%n",
                    s.path("id").asText(), s.path("headline").asText(), s.path("articleCount").asInt(),
                    s.path("outletCount").asInt(), s.path("claimCount").asInt(), s.path("contradictionCount").asInt());
            System.out.printf("    JSON: %s/stories/%s%n", stack.query().url(), s.path("id").asText());
        }
        System.out.println();
        System.out.println("Read the stories:   " + stack.query().url() + "/");
        System.out.println("Story list (JSON):  " + stack.query().url() + "/stories");
        System.out.println("Ingest API:         " + stack.ingest().url() + "/articles   (Swagger UI: "
                + stack.ingest().url() + "/q/swagger-ui)");
        System.out.println("Ingest key:         " + stack.ingestKey());
        System.out.println("Admin key:          " + stack.adminKey());
        System.out.println("Logs:               " + stack.ingest().log().getParent());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return summary.ok() ? 0 : 1;
    }
}
