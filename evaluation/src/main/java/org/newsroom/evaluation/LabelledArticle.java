package org.newsroom.evaluation;

import java.time.Instant;

/** An article of a labelled corpus: {@code clusterId} is the gold story. */
public record LabelledArticle(String id, String clusterId, String outlet, String title, Instant publishedAt,
                              String text) {
}
