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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST /articles load with seed variants, and the lag until each created article is visible in the query service.
 * For the lag a poller reads {@code X-Projected-Position} from a small GET every 10 ms: an article is visible once that
 * position reaches the position of its last event (its story view is updated in the same projector transaction).
 * {@code ?minPosition=} is not used for this, because the service waits for it on its event loop.
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
    private final Histogram lagMicros = new Histogram(600_000_000L, 3);
    private final Queue<long[]> pending = new ConcurrentLinkedQueue<>();
    private volatile Thread poller;
    private volatile String pollUri;
    private int lagTimeouts;

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
            if (poller != null && posted.status() == 201) {
                pending.add(new long[] {posted.position(), answered});
            }
            pollUri = queryUrl + "/articles/" + posted.articleId();
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

    /** The position the query service's read model reflects, from a small GET. */
    long projected() throws IOException, InterruptedException {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(pollUri)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.discarding());
        return r.headers().firstValueAsLong("X-Projected-Position").orElse(0);
    }

    /** Waits until the query service has applied the article's events; false when it did not within the timeout. */
    boolean awaitVisible(Posted posted, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (projected() >= posted.position()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** From now on, until {@link #stopLag()}, the lag of every 201 is measured. */
    void startLag() {
        poller = new Thread(() -> {
            while (poller != null) {
                try {
                    long projected = projected();
                    long now = System.nanoTime();
                    for (java.util.Iterator<long[]> it = pending.iterator(); it.hasNext(); ) {
                        long[] p = it.next();
                        if (p[0] <= projected) {
                            lagMicros.recordValue(Math.max(1, (now - p[1]) / 1_000));
                            it.remove();
                        }
                    }
                    Thread.sleep(10);
                } catch (IOException e) {
                    // the next poll tells
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lag-poller");
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Stops measuring after waiting up to {@code drain} for the articles not yet visible; those still not visible count
     * with the time they have waited so far (a lower bound) and as timeouts. Returns the lag histogram (microseconds).
     */
    Histogram stopLag(Duration drain) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread t = poller;
        poller = null;
        t.join();
        long now = System.nanoTime();
        for (long[] p : pending) {
            lagMicros.recordValue(Math.min(lagMicros.getHighestTrackableValue(), (now - p[1]) / 1_000));
            lagTimeouts++;
        }
        pending.clear();
        return lagMicros;
    }

    /** Articles that were still not visible when the lag measurement stopped. */
    int lagTimeouts() {
        return lagTimeouts;
    }
}
