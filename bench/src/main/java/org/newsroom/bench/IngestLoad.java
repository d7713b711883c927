package org.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST /articles load with seed variants, and the lag until each created article is visible in the query service:
 * for every 201 a probe {@code GET /articles/{id}?minPosition=<position>} is sent at once; the service answers when
 * its read model (story view included, it is updated in the same projector transaction) has applied that position.
 */
final class IngestLoad {

    /** An answered POST. */
    record Posted(int status, UUID articleId, UUID storyId, long position, double millis) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper;
    private final Seeds seeds;
    private final String ingestUrl;
    private final String queryUrl;
    private final String key;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger next = new AtomicInteger();
    private final Histogram lagMicros = new Histogram(60_000_000L, 3);
    private final List<CompletableFuture<Void>> probes = Collections.synchronizedList(new ArrayList<>());
    private int lagTimeouts;
    private volatile boolean probing;

    IngestLoad(ObjectMapper mapper, Seeds seeds, String ingestUrl, String queryUrl, String key) {
        this.mapper = mapper;
        this.seeds = seeds;
        this.ingestUrl = ingestUrl;
        this.queryUrl = queryUrl;
        this.key = key;
    }

    /** Posts one request body as it is. */
    Posted post(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/articles"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        for (int attempt = 1; ; attempt++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (response.statusCode() == 503 && attempt < 5) {
                Thread.sleep(500);
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST /articles answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode body = mapper.readTree(response.body());
            Posted posted = new Posted(response.statusCode(), UUID.fromString(body.get("articleId").asText()),
                    UUID.fromString(body.get("storyId").asText()), body.get("position").asLong(),
                    (answered - sent) / 1e6);
            if (probing && posted.status() == 201) {
                probe(posted, answered);
            }
            return posted;
        }
    }

    /** Posts the next unique seed variant. */
    Posted postVariant() throws IOException, InterruptedException {
        return post(seeds.json(seeds.variant(run, next.getAndIncrement())));
    }

    /** Posts {@code count} variants with {@code concurrency} workers; returns every answer in completion order. */
    List<Posted> postVariants(int count, int concurrency) throws InterruptedException {
        List<Posted> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            running.add(workers.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    answers.add(postVariant());
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("ingest load failed", e.getCause());
        } finally {
            workers.shutdown();
        }
        return answers;
    }

    /** Waits until the query service has applied the article's events; false when it did not within the timeout. */
    boolean awaitVisible(Posted posted, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(queryUrl + "/articles/" + posted.articleId() + "?minPosition=" + posted.position()))
                .timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.headers().firstValueAsLong("X-Projected-Position").orElse(0) >= posted.position()) {
                return true;
            }
        }
        return false;
    }

    /** Whether each 201 from now on is followed by a visibility probe. */
    void probeLag(boolean on) {
        probing = on;
    }

    private void probe(Posted posted, long answeredNanos) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(queryUrl + "/articles/" + posted.articleId() + "?minPosition=" + posted.position()))
                .timeout(Duration.ofSeconds(30)).build();
        probes.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
            long micros = (System.nanoTime() - answeredNanos) / 1_000;
            long projected = response.headers().firstValueAsLong("X-Projected-Position").orElse(0);
            synchronized (lagMicros) {
                if (response.statusCode() != 200 || projected < posted.position()) {
                    lagTimeouts++;
                }
                lagMicros.recordValue(Math.max(1, Math.min(micros, lagMicros.getHighestTrackableValue())));
            }
        }));
    }

    /** Waits for outstanding probes and returns the lag histogram (microseconds) and the count of probes that timed out. */
    Histogram lag() {
        List<CompletableFuture<Void>> pending;
        synchronized (probes) {
            pending = new ArrayList<>(probes);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return lagMicros;
    }

    int lagTimeouts() {
        synchronized (lagMicros) {
            return lagTimeouts;
        }
    }
}
