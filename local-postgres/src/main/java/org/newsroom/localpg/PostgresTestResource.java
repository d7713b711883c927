package org.newsroom.localpg;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL: a fresh database on the server in
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, a Testcontainers PostgreSQL when {@code NEWSROOM_TEST_DB=testcontainers}
 * (needs Docker), or else an embedded one.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private AutoCloseable database;

    @Override
    public Map<String, String> start() {
        if ("testcontainers".equalsIgnoreCase(System.getenv("NEWSROOM_TEST_DB"))) {
            var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:16.9");
            container.start();
            database = container;
            return settings(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        LocalPostgres pg = LocalPostgres.freshForTests();
        database = pg;
        return settings(pg.jdbcUrl(), pg.username(), pg.password());
    }

    private static Map<String, String> settings(String url, String username, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password == null ? "" : password);
    }

    @Override
    public void stop() {
        try {
            database.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
