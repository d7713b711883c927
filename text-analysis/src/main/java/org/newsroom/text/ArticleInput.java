package org.newsroom.text;

import java.time.Instant;

/** An article to analyze: exactly one of {@code text} (plain text) or {@code html} is non-null. */
public record ArticleInput(String title, String text, String html, Instant publishedAt) {
    public ArticleInput {
        if ((text == null) == (html == null)) {
            throw new IllegalArgumentException("exactly one of text or html must be non-null");
        }
    }
}
