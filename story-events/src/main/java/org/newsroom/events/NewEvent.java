package org.newsroom.events;

import java.util.UUID;

/**
 * An event about to be appended; the event id is the idempotency key. {@code json}, when given, is the event's data
 * as {@link EventCodec#write} gives it, written ahead by a caller that has a thread to spare before its append, so
 * that the append does not write it while others wait for it.
 */
public record NewEvent(UUID eventId, StoryEvent event, EventMetadata metadata, String json) {

    public NewEvent(UUID eventId, StoryEvent event, EventMetadata metadata) {
        this(eventId, event, metadata, null);
    }

    /** This event with its data written ahead. */
    public NewEvent encoded(EventCodec codec) {
        return json != null ? this : new NewEvent(eventId, event, metadata, codec.write(event));
    }
}
