package org.newsroom.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The closed-loop generator over real HTTP on loopback: what it counts, not how fast anything is. */
class LoadGeneratorTest {

    private HttpServer server;
    private final AtomicLong served = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/ok", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/fails", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyAnswered2xxIsCountedAndTimedAfterTheWarmUp() throws Exception {
        LoadGenerator load = new LoadGenerator(4);
        LoadGenerator.Result result = load.run(() -> HttpRequest.newBuilder(uri("/ok")).build(),
                Duration.ofMillis(200), Duration.ofMillis(500));
        assertTrue(result.requests() > 0, "no request answered");
        assertEquals(0, result.errors());
        assertEquals(result.requests(), result.latencyMicros().getTotalCount());
        // The warm-up's requests were sent too, but are not in the result.
        assertTrue(served.get() > result.requests(), served.get() + " served, " + result.requests() + " counted");
        assertTrue(result.seconds() >= 0.5, "measured for " + result.seconds() + " s");
        assertTrue(result.p99Millis() >= result.p50Millis());
    }

    @Test
    void cpuPerRequestIsCountedForTheServerGivenAndForTheGenerator() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "CPU times come from /proc");
        LoadGenerator load = new LoadGenerator(4);
        // The server runs in this process: both counts are this process's CPU over the measured phase.
        LoadGenerator.Result counted = load.run(() -> HttpRequest.newBuilder(uri("/ok")).build(),
                Duration.ofMillis(200), Duration.ofMillis(500), ProcessHandle.current().pid());
        assertTrue(counted.serverMicrosPerRequest() > 0 && Double.isFinite(counted.serverMicrosPerRequest()),
                "server " + counted.serverMicrosPerRequest() + " µs per request");
        assertTrue(counted.clientMicrosPerRequest() > 0 && Double.isFinite(counted.clientMicrosPerRequest()),
                "client " + counted.clientMicrosPerRequest() + " µs per request");
        LoadGenerator.Result uncounted = load.run(() -> HttpRequest.newBuilder(uri("/ok")).build(),
                Duration.ofMillis(100), Duration.ofMillis(300));
        assertTrue(Double.isNaN(uncounted.serverMicrosPerRequest()), "no server pid, no server CPU");
    }

    @Test
    void answersOtherThan2xxAreErrorsNotRequests() throws Exception {
        LoadGenerator.Result result = new LoadGenerator(2).phase(() -> HttpRequest.newBuilder(uri("/fails")).build(),
                Duration.ofMillis(300));
        assertEquals(0, result.requests());
        assertTrue(result.errors() > 0);
        assertEquals(0, result.latencyMicros().getTotalCount());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
