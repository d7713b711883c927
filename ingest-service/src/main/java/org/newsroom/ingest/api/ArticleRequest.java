package org.newsroom.ingest.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /articles}; dates stay strings here so that a bad one is reported by field name. */
@Schema(description = "An article from one outlet. outlet and one of text or html are required.")
public record ArticleRequest(
        @Schema(example = "Reuters", required = true) String outlet,
        @Schema(example = "https://www.reuters.com/world/asia-pacific/example-2022-01-10/") String url,
        @Schema(example = "Leaders meet after week of unrest") String title,
        @Schema(description = "ISO-8601 instant, offset date-time or date; defaults to the time of receipt",
                example = "2022-01-10T14:05:00Z") String publishedAt,
        @Schema(description = "plain text of the article") String text,
        @Schema(description = "HTML of the article page; its main content is extracted") String html,
        @Schema(description = "a story id the client believes this article belongs to; it is checked") String storyHint) {
}
