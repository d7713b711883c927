package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/** An event as stored: its place in the log and its metadata. */
public record RecordedEvent(long position, String streamId, int streamVersion, UUID eventId,
                           int schemaVersion, StoryEvent event, EventMetadata metadata,
                           Instant recordedAt, long transactionId) {

    public String type() {
        return event.type();
    }
}
