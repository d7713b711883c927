package org.newsroom.events;

import org.flywaydb.core.Flyway;
import org.newsroom.localpg.LocalPostgres;

import java.sql.Connection;
import java.sql.SQLException;

/** One real, migrated PostgreSQL shared by the event store tests of a run. */
final class EventStoreDatabase {

    private static LocalPostgres database;

    private EventStoreDatabase() {
    }

    static synchronized LocalPostgres get() {
        if (database == null) {
            database = LocalPostgres.freshForTests();
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return database;
    }

    static Connection connect() throws SQLException {
        return get().connect();
    }
}
