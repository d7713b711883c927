package org.newsroom.ingest.api;

import java.time.Instant;
import java.util.UUID;

/** A request that passed validation: one of text or html is set. */
public record ValidArticle(String outlet, String url, String title, Instant publishedAt, String text, String html,
                           UUID storyHint) {
}
