package org.newsroom.cli;

import org.newsroom.localpg.LocalPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * PostgreSQL plus both services as child processes: the configured server when QUARKUS_DATASOURCE_JDBC_URL is set,
 * otherwise an embedded one. Used by the demo run and by the end-to-end tests.
 */
public final class NewsroomStack implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(3);

    private final LocalPostgres database;
    private final ServiceProcess ingest;
    private final ServiceProcess query;
    private final String ingestKey;
    private final String adminKey;

    private NewsroomStack(LocalPostgres database, ServiceProcess ingest, ServiceProcess query, String ingestKey,
                          String adminKey) {
        this.database = database;
        this.ingest = ingest;
        this.query = query;
        this.ingestKey = ingestKey;
        this.adminKey = adminKey;
    }

    /** Starts everything; {@code freshDatabase} gives tests a database of their own on a configured server. */
    public static NewsroomStack start(Path home, int ingestPort, int queryPort, boolean freshDatabase)
            throws IOException, InterruptedException {
        LocalPostgres database = freshDatabase ? LocalPostgres.freshForTests() : LocalPostgres.configuredOrEmbedded();
        String ingestKey = newKey();
        String adminKey = newKey();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
        env.put("NEWSROOM_INGEST_API_KEYS", ingestKey);
        env.put("NEWSROOM_ADMIN_API_KEYS", adminKey);
        Path logs = home.resolve(".newsroom").resolve("logs");
        ServiceProcess ingest = null;
        ServiceProcess query = null;
        try {
            ingest = ServiceProcess.start("ingest-service",
                    home.resolve("ingest-service/target/quarkus-app/quarkus-run.jar"), port(ingestPort), env, logs);
            query = ServiceProcess.start("query-service",
                    home.resolve("query-service/target/quarkus-app/quarkus-run.jar"), port(queryPort), env, logs);
            ingest.awaitReady(STARTUP);
            query.awaitReady(STARTUP);
            return new NewsroomStack(database, ingest, query, ingestKey, adminKey);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (query != null) {
                query.close();
            }
            if (ingest != null) {
                ingest.close();
            }
            database.close();
            throw e;
        }
    }

    /** A free port when {@code requested} is 0. */
    private static int port(int requested) throws IOException {
        if (requested != 0) {
            return requested;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
        query.close();
        ingest.close();
        database.close();
    }
}
