package org.newsroom.events;

import java.util.UUID;

/** An event about to be appended; the event id is the idempotency key. */
public record NewEvent(UUID eventId, StoryEvent event, EventMetadata metadata) {
}
