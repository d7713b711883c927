package org.newsroom.events;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class UpcasterTest {

    private final EventStore store = new EventStore(new EventCodec());

    @Test
    void aSchemaOneRowOfArticleAssignedToStoryIsReadAsSchemaTwo() throws SQLException {
        UUID story = UUID.randomUUID();
        String stream = StoryEvent.streamOf(story);
        try (Connection c = EventStoreDatabase.connect(); Statement s = c.createStatement()) {
            // Exactly what version 1 of the ingest service wrote: no "signals".
            s.execute("""
                    INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
                    VALUES ('%s', 1, gen_random_uuid(), 'ArticleAssignedToStory', 1,
                            '{"articleId": "%s", "revision": 1, "storyId": "%s", "decision": "joined",
                              "score": 0.71, "runnerUpStoryId": null, "runnerUpScore": null}',
                            '{"correlationId": null, "causationId": null, "extractorVersion": "text-analysis/1"}')
                    """.formatted(stream, UUID.randomUUID(), story));
            RecordedEvent read = store.readStream(c, stream).get(0);
            assertEquals(1, read.schemaVersion(), "the stored row keeps its version");
            var event = assertInstanceOf(StoryEvent.ArticleAssignedToStory.class, read.event());
            assertEquals(Map.of(), event.signals());
            assertEquals(0.71, event.score());
            assertEquals(story, event.storyId());
        }
    }

    @Test
    void newRowsAreWrittenAtTheCurrentSchemaVersion() throws SQLException {
        UUID story = UUID.randomUUID();
        String stream = StoryEvent.streamOf(story);
        var event = new StoryEvent.ArticleAssignedToStory(UUID.randomUUID(), 1, story, "opened", 0, null, null,
                Map.of("embedding", 0.4));
        try (Connection c = EventStoreDatabase.connect()) {
            store.append(c, stream, 0, java.util.List.of(new NewEvent(UUID.randomUUID(), event,
                    new EventMetadata(event.articleId(), null, "test"))));
            RecordedEvent read = store.readStream(c, stream).get(0);
            assertEquals(2, read.schemaVersion());
            assertEquals(event, read.event());
        }
    }
}
