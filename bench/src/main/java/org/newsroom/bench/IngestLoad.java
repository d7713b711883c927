package org.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * POST /articles load with seed variants, and the lag until each created article is visible in its story's view. For
 * the lag the load follows the story's live stream ({@code GET /stories/{id}/live}), as a reader's page does: each
 * change of the view is pushed with the position of the last event it reflects, and an article is visible once that
 * position reaches the position of its last event (the view is updated in the same projector transaction). The stream
 * costs the services nothing between changes, where polling a GET every few milliseconds took CPU from both.
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
    private volatile Thread watcher;
    private volatile UUID lagStory;
    private volatile Stream<String> liveLines;
    /** The highest position the live stream has reported. */
    private volatile long seenPosition;
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
            if (watcher != null && posted.status() == 201 && posted.storyId().equals(lagStory)) {
                pending.add(new long[] {posted.position(), answered});
                // The view may have changed before this answer came back: then it was visible at once.
                visible(seenPosition, answered);
            }
            pollUri = queryUrl + "/articles/" + posted.articleId();
            return posted;
        }
    }

    /** Posts the next unique seed variant. */
    Posted postVariant() throws IOException, InterruptedException {
        return post(seeds.json(seeds.variant(run, next.getAndIncrement())));
    }

    /** Posts the next unique seed variant, dated a year later: it joins the warm-up story, not the seed story. */
    Posted postYearLaterVariant() throws IOException, InterruptedException {
        return post(seeds.json(seeds.yearLaterVariant(run, next.getAndIncrement())));
    }

    /** Posts {@code count} variants with {@code concurrency} workers; returns every answer in completion order. */
    List<Posted> postVariants(int count, int concurrency) throws InterruptedException {
        return postAll(count, concurrency, this::postVariant);
    }

    /** {@link #postVariants} of {@link #postYearLaterVariant}s. */
    List<Posted> postYearLaterVariants(int count, int concurrency) throws InterruptedException {
        return postAll(count, concurrency, this::postYearLaterVariant);
    }

    private interface Poster {
        Posted post() throws IOException, InterruptedException;
    }

    private List<Posted> postAll(int count, int concurrency, Poster poster) throws InterruptedException {
        List<Posted> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            running.add(workers.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    answers.add(poster.post());
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

    /**
     * From now on, until {@link #stopLag}, the lag of every 201 that joins {@code story} is measured. Returns once the
     * story's live stream has answered with its current version, so that no change is missed.
     */
    void startLag(UUID story) throws InterruptedException {
        lagStory = story;
        CountDownLatch subscribed = new CountDownLatch(1);
        watcher = new Thread(() -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + "/stories/" + story + "/live?since=0"))
                    .header("Accept", "text/event-stream").build();
            try {
                HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /stories/" + story + "/live answered " + response.statusCode());
                }
                liveLines = response.body();
                liveLines.forEach(line -> {
                    if (line.startsWith("data:")) {
                        visible(position(line.substring("data:".length())), System.nanoTime());
                        subscribed.countDown();
                    }
                });
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                if (watcher != null) {
                    System.err.println("[bench] the live stream of story " + story + " ended: " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lag-watcher");
        watcher.setDaemon(true);
        watcher.start();
        if (!subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live stream of story " + story + " sent nothing in 30 s");
        }
    }

    private long position(String json) {
        try {
            return mapper.readTree(json).path("position").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every pending article at or before {@code position} became visible at {@code now}. */
    private synchronized void visible(long position, long now) {
        seenPosition = Math.max(seenPosition, position);
        for (java.util.Iterator<long[]> it = pending.iterator(); it.hasNext(); ) {
            long[] p = it.next();
            if (p[0] <= position) {
                lagMicros.recordValue(Math.max(1, (now - p[1]) / 1_000));
                it.remove();
            }
        }
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
        Thread t = watcher;
        watcher = null;
        Stream<String> lines = liveLines;
        if (lines != null) {
            lines.close();
        }
        t.interrupt();
        t.join(5_000);
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
