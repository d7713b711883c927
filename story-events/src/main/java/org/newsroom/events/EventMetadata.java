package org.newsroom.events;

import java.util.UUID;

/**
 * Stored with every event. The correlation id is the article the event is about; the causation id
 * is the event (or request) that caused it.
 */
public record EventMetadata(UUID correlationId, UUID causationId, String extractorVersion) {
}
