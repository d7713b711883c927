package org.newsroom.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests and the demo run: the server named by {@code QUARKUS_DATASOURCE_JDBC_URL} when it
 * is set, otherwise an embedded PostgreSQL 16 started from binaries inside a jar (nothing is downloaded).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final AutoCloseable onClose;

    private LocalPostgres(String jdbcUrl, String username, String password, AutoCloseable onClose) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.onClose = onClose;
    }

    /** The configured server as it is, or an embedded one. */
    public static LocalPostgres configuredOrEmbedded() {
        String url = setting(URL_VARIABLE);
        if (url != null) {
            return new LocalPostgres(url, externalUsername(), setting("QUARKUS_DATASOURCE_PASSWORD"), () -> { });
        }
        return embedded();
    }

    /**
     * A database of its own for one test run: a new database on the configured server (dropped on close), so runs
     * never see each other's rows; otherwise an embedded server.
     */
    public static LocalPostgres freshForTests() {
        String url = setting(URL_VARIABLE);
        if (url == null) {
            return embedded();
        }
        String name = "newsroom_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String username = externalUsername();
        String password = setting("QUARKUS_DATASOURCE_PASSWORD");
        execute(url, username, password, "CREATE DATABASE " + name);
        String freshUrl = url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new LocalPostgres(freshUrl, username, password,
                () -> execute(url, username, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static LocalPostgres embedded() {
        try {
            Path dataDirectory = Files.createTempDirectory("newsroom-pg");
            EmbeddedServer server = new EmbeddedServer(dataDirectory, freePort());
            server.start();
            return new LocalPostgres(server.jdbcUrl(), "postgres", "postgres", server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** An embedded server that can be stopped and started again on the same data and port, as a real outage. */
    private static final class EmbeddedServer implements AutoCloseable {
        private final Path dataDirectory;
        private final int port;
        private EmbeddedPostgres running;

        EmbeddedServer(Path dataDirectory, int port) {
            this.dataDirectory = dataDirectory;
            this.port = port;
        }

        synchronized void start() throws IOException {
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    // A throwaway single server, deleted on close: nothing replicates or restores from its WAL. With
                    // wal_level minimal, rows copied into a table made in the same transaction (a rebuild's fresh
                    // read model) are not written to the WAL at all: COPY of 338 MB took 0.5 s of the server's CPU
                    // instead of 1.9 s.
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .start();
        }

        synchronized void stop() throws IOException {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }

        @Override
        public void close() throws IOException {
            stop();
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether {@link #stopServer()} and {@link #startServer()} can simulate an outage (embedded servers only). */
    public boolean canRestart() {
        return onClose instanceof EmbeddedServer;
    }

    /** Stops the embedded server, keeping its data: connections fail until {@link #startServer()}. */
    public void stopServer() throws IOException {
        ((EmbeddedServer) onClose).stop();
    }

    public void startServer() throws IOException {
        ((EmbeddedServer) onClose).start();
    }

    private static String externalUsername() {
        String username = setting("QUARKUS_DATASOURCE_USERNAME");
        return username == null ? "postgres" : username;
    }

    private static String setting(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? null : value;
    }

    private static void execute(String url, String username, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, username, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop PostgreSQL", e);
        }
    }
}
