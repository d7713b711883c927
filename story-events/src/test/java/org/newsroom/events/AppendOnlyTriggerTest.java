package org.newsroom.events;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppendOnlyTriggerTest {

    private final EventStore store = new EventStore(new EventCodec());

    @Test
    void updateDeleteAndTruncateAreRejectedByTheDatabase() throws SQLException {
        String stream = StoryEvent.streamOf(UUID.randomUUID());
        try (Connection c = EventStoreDatabase.connect()) {
            store.append(c, stream, 0, List.of(Events.opened()));
            for (String sql : List.of(
                    "UPDATE events SET type = 'Changed' WHERE stream_id = '" + stream + "'",
                    "DELETE FROM events WHERE stream_id = '" + stream + "'",
                    "TRUNCATE events")) {
                try (Statement s = c.createStatement()) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                    assertTrue(e.getMessage().contains("append-only"), e.getMessage());
                }
            }
            assertEquals(1, store.readStream(c, stream).size());
            assertEquals("StoryOpened", store.readStream(c, stream).get(0).type());
        }
    }
}
