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
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
