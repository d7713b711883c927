package org.newsroom.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop HTTP load generator: a fixed number of workers, each sending its next request as soon as the previous
 * answered. A warm-up phase is run and discarded, then requests are timed into an HdrHistogram for a fixed duration.
 */
final class LoadGenerator {

    /** What one measured phase produced. */
    record Result(long requests, long errors, double seconds, Histogram latencyMicros, double serverCpuSeconds,
                  double clientCpuSeconds) {
        double perSecond() {
            return requests / seconds;
        }

        /** CPU the server process used per answered request (NaN when no server pid was given). */
        double serverMicrosPerRequest() {
            return serverCpuSeconds * 1e6 / requests;
        }

        /** CPU this process (the load generator) used per answered request. */
        double clientMicrosPerRequest() {
            return clientCpuSeconds * 1e6 / requests;
        }

        double p99Millis() {
            return latencyMicros.getValueAtPercentile(99.0) / 1000.0;
        }

        double p50Millis() {
            return latencyMicros.getValueAtPercentile(50.0) / 1000.0;
        }
    }

    private final HttpClient client;
    private final int concurrency;

    LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, concurrency / 4)))
                .build();
    }

    HttpClient client() {
        return client;
    }

    /** Warms up for {@code warmup}, then measures for {@code measure}; only 2xx answers count as requests. */
    Result run(Supplier<HttpRequest> requests, Duration warmup, Duration measure) throws InterruptedException {
        return run(requests, warmup, measure, -1);
    }

    /** As {@link #run(Supplier, Duration, Duration)}, also counting the CPU of the server process {@code pid}. */
    Result run(Supplier<HttpRequest> requests, Duration warmup, Duration measure, long pid)
            throws InterruptedException {
        phase(requests, warmup, pid);
        return phase(requests, measure, pid);
    }

    Result phase(Supplier<HttpRequest> requests, Duration length) throws InterruptedException {
        return phase(requests, length, -1);
    }

    private Result phase(Supplier<HttpRequest> requests, Duration length, long pid) throws InterruptedException {
        double serverCpu = pid < 0 ? Double.NaN : ProcessCpu.seconds(pid);
        double clientCpu = ProcessCpu.seconds(ProcessHandle.current().pid());
        Histogram histogram = new Histogram(60_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            running.add(workers.submit(() -> {
                Histogram own = new Histogram(60_000_000L, 3);
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(requests.get(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 == 2) {
                            own.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                synchronized (histogram) {
                    histogram.add(own);
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        serverCpu = pid < 0 ? Double.NaN : ProcessCpu.seconds(pid) - serverCpu;
        clientCpu = ProcessCpu.seconds(ProcessHandle.current().pid()) - clientCpu;
        workers.shutdown();
        return new Result(ok.get(), errors.get(), seconds, histogram, serverCpu, clientCpu);
    }
}
