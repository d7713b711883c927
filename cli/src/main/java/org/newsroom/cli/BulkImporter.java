package org.newsroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Posts articles to a running ingest service with bounded concurrency, retries on 503, and a progress bar. */
public final class BulkImporter {

    static final int MAX_ATTEMPTS = 6;

    public record Result(String origin, int status, JsonNode body) {
        boolean created() { return status == 201; }
        boolean duplicate() { return status == 200; }
    }

    public record Summary(int created, int duplicates, int rejected, List<Result> results) {
        public boolean ok() { return rejected == 0; }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper;
    private final String ingestUrl;
    private final String key;
    private final PrintStream progressOut;

    public BulkImporter(ObjectMapper mapper, String ingestUrl, String key, PrintStream progressOut) {
        this.mapper = mapper;
        this.ingestUrl = ingestUrl.replaceAll("/+$", "");
        this.key = key;
        this.progressOut = progressOut;
    }

    public Summary run(List<ArticleSource.Item> items, int concurrency) throws InterruptedException {
        Progress progress = new Progress(items.size(), progressOut);
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ArticleSource.Item item : items) {
                futures.add(pool.submit(() -> {
                    Result r = post(item);
                    results.add(r);
                    progress.step(r.created(), r.duplicate());
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        List<Result> ordered = results.stream().sorted(java.util.Comparator.comparing(Result::origin)).toList();
        int created = (int) ordered.stream().filter(Result::created).count();
        int duplicates = (int) ordered.stream().filter(Result::duplicate).count();
        return new Summary(created, duplicates, ordered.size() - created - duplicates, ordered);
    }

    private Result post(ArticleSource.Item item) {
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/articles"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(item.body())))
                        .build(), HttpResponse.BodyHandlers.ofString());
                boolean retryable = response.statusCode() == 503 || response.statusCode() == 429;
                if (!retryable || attempt == MAX_ATTEMPTS) {
                    return new Result(item.origin(), response.statusCode(), parse(response.body()));
                }
                backoff = response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s)))
                        .orElse(backoff);
            } catch (IOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    return new Result(item.origin(), 0, mapper.createObjectNode().put("detail", e.toString()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(item.origin(), 0, mapper.createObjectNode().put("detail", "interrupted"));
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return mapper.createObjectNode().put("detail", body);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A one-line progress bar: done/total, rate and time left. */
    static final class Progress {
        private final int total;
        private final PrintStream out;
        private final long started = System.nanoTime();
        private int done;
        private int created;
        private int duplicates;

        Progress(int total, PrintStream out) {
            this.total = total;
            this.out = out;
        }

        synchronized void step(boolean isCreated, boolean isDuplicate) {
            done++;
            created += isCreated ? 1 : 0;
            duplicates += isDuplicate ? 1 : 0;
            render();
        }

        private void render() {
            int n = done;
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            double rate = n / seconds;
            long eta = rate == 0 ? 0 : Math.round((total - n) / rate);
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) width * n / total);
            out.printf("\r[%s%s] %d/%d  %.1f articles/s  ETA %ds  (created %d, duplicate %d, rejected %d)",
                    "#".repeat(filled), ".".repeat(width - filled), n, total, rate, eta, created, duplicates,
                    n - created - duplicates);
            out.flush();
        }

        synchronized void finish() {
            render();
            out.println();
        }
    }
}
