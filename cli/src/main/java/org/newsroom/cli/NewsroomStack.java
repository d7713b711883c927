package org.newsroom.cli;

import org.newsroom.localpg.LocalPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL plus the services as child processes: the configured server when QUARKUS_DATASOURCE_JDBC_URL is set,
 * otherwise an embedded one. Used by the demo run and by the end-to-end tests, which may start more instances.
 */
public final class NewsroomStack implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(3);

    private final Path home;
    private final LocalPostgres database;
    private final String ingestKey = newKey();
    private final String adminKey = newKey();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private ServiceProcess ingest;
    private ServiceProcess query;

    private NewsroomStack(Path home, LocalPostgres database) {
        this.home = home;
        this.database = database;
    }

    /** Starts the database and one instance of each service; {@code freshDatabase} isolates tests on a shared server. */
    public static NewsroomStack start(Path home, int ingestPort, int queryPort, boolean freshDatabase)
            throws IOException, InterruptedException {
        LocalPostgres database = freshDatabase ? LocalPostgres.freshForTests() : LocalPostgres.configuredOrEmbedded();
        NewsroomStack stack = new NewsroomStack(home, database);
        try {
            stack.ingest = stack.startIngest(ingestPort, false);
            stack.query = stack.startQuery(queryPort, false);
            stack.ingest.awaitReady(STARTUP);
            stack.query.awaitReady(STARTUP);
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Another ingest-service instance on the same database; waits until it is ready when asked to. */
    public ServiceProcess startIngest(int port, boolean awaitReady) throws IOException, InterruptedException {
        return startService("ingest-service", port, awaitReady);
    }

    /** Another query-service instance on the same database. */
    public ServiceProcess startQuery(int port, boolean awaitReady) throws IOException, InterruptedException {
        return startService("query-service", port, awaitReady);
    }

    private ServiceProcess startService(String name, int port, boolean awaitReady)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
        env.put("NEWSROOM_INGEST_API_KEYS", ingestKey);
        env.put("NEWSROOM_ADMIN_API_KEYS", adminKey);
        int actualPort = port(port);
        String logName = name + (processes.stream().anyMatch(p -> p.name().equals(name)) ? "-" + actualPort : "");
        ServiceProcess process = ServiceProcess.start(name, logName,
                home.resolve(name + "/target/quarkus-app/quarkus-run.jar"), actualPort, env,
                home.resolve(".newsroom").resolve("logs"), name.equals("ingest-service") ? ingestNiceness() : 0,
                name.equals("query-service") ? QUERY_JVM_OPTIONS : List.of());
        processes.add(process);
        if (awaitReady) {
            process.awaitReady(STARTUP);
        }
        return process;
    }

    /**
     * The ingest service's extraction and embeddings are throughput work that can take every core; on this one host
     * they run at a lower CPU priority (nice 10 unless NEWSROOM_INGEST_NICE says otherwise, 0 for none), so that the
     * query service's projector and readers are not queued behind them.
     */
    static int ingestNiceness() {
        String value = System.getenv("NEWSROOM_INGEST_NICE");
        if (value == null || value.isBlank()) {
            return DEFAULT_INGEST_NICENESS;
        }
        try {
            return Math.max(0, Math.min(19, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NEWSROOM_INGEST_NICE must be a whole number from 0 to 19, not '"
                    + value + "'");
        }
    }

    static final int DEFAULT_INGEST_NICENESS = 10;

    /**
     * The query service writes each story view as one string of megabytes. G1's default regions (1-4 MiB) make every
     * such string a humongous object that triggers a collection of its own; 32 MiB regions keep them ordinary young
     * objects. A young generation of at least 30% of the heap lets a replay's batches, which live about a second,
     * die young: with the default G1 kept it small and copied each batch once or twice, a third of a rebuild's CPU.
     * The Dockerfile passes the same options.
     */
    public static final List<String> QUERY_JVM_OPTIONS = List.of("-XX:G1HeapRegionSize=32m",
            "-XX:+UnlockExperimentalVMOptions", "-XX:G1NewSizePercent=30");

    /** Starts a stopped or killed instance again on its port; the stack keeps track of the new process. */
    public ServiceProcess restart(ServiceProcess process) throws IOException {
        ServiceProcess again = process.restart();
        processes.set(processes.indexOf(process), again);
        if (process == ingest) {
            ingest = again;
        } else if (process == query) {
            query = again;
        }
        return again;
    }

    /** A free port when {@code requested} is 0. */
    private static int port(int requested) throws IOException {
        return requested != 0 ? requested : LocalPostgres.freePort();
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public ServiceProcess ingest() {
        return ingest;
    }

    public ServiceProcess query() {
        return query;
    }

    public String ingestKey() {
        return ingestKey;
    }

    public String adminKey() {
        return adminKey;
    }

    public LocalPostgres database() {
        return database;
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        database.close();
    }
}
