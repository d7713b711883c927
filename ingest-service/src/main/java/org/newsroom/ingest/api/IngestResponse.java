package org.newsroom.ingest.api;

import java.util.UUID;

/** The answer to {@code POST /articles}. */
public record IngestResponse(UUID articleId, UUID storyId, long position, int claims, boolean duplicate,
                             int revision) {
}
