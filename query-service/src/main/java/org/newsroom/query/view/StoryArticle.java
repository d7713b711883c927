package org.newsroom.query.view;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.EntityData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One article of a story with what was extracted from its current revision: the input of {@link StoryViewBuilder}.
 * The claims' texts that a ClaimsExtracted event left out are read from the article's text here. The entities are
 * kept as the event has them: the builder counts their mentions and never reads the mentions' texts, and cutting
 * those texts out of every article took a fourteenth of a replay's reading and preparing.
 */
public record StoryArticle(UUID id, String outlet, String title, String url, Instant publishedAt, String text,
                           List<String> wireCredits, List<ClaimData> claims, List<EntityData> entities) {
    public StoryArticle {
        if (text != null && claims != null) {
            claims = ClaimData.withTextsOf(claims, text);
        }
    }
}
