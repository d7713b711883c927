package org.newsroom.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroom.localpg.LocalPostgres;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In production a service without its keys refuses to start, and says which variable to set. */
class ProductionKeysIT {

    @ParameterizedTest
    @CsvSource({"ingest-service, NEWSROOM_INGEST_API_KEYS", "query-service, NEWSROOM_ADMIN_API_KEYS"})
    void aServiceWithoutKeysRefusesToStart(String service, String variable) throws Exception {
        try (LocalPostgres database = LocalPostgres.freshForTests()) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
            env.put("NEWSROOM_INGEST_API_KEYS", "");
            env.put("NEWSROOM_ADMIN_API_KEYS", "");
            ServiceProcess process = ServiceProcess.start(service, service + "-without-keys",
                    EndToEndTest.HOME.resolve(service + "/target/quarkus-app/quarkus-run.jar"), LocalPostgres.freePort(),
                    env, EndToEndTest.HOME.resolve(".newsroom").resolve("logs"));
            try {
                Integer exit = process.awaitExit(Duration.ofMinutes(2));
                assertNotNull(exit, service + " started without keys");
                assertNotEquals(0, exit);
                String log = Files.readString(process.log());
                assertTrue(log.contains(variable), "the log names " + variable + ":\n" + log);
            } finally {
                process.close();
            }
        }
    }
}
