package org.newsroom.query.view;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.EntityData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One article of a story with what was extracted from its current revision: the input of {@link StoryViewBuilder}.
 * The texts a ClaimsExtracted event left out are read from the article's text here.
 */
public record StoryArticle(UUID id, String outlet, String title, String url, Instant publishedAt, String text,
                           List<String> wireCredits, List<ClaimData> claims, List<EntityData> entities) {
    public StoryArticle {
        if (text != null) {
            claims = claims == null ? null : ClaimData.withTextsOf(claims, text);
            entities = entities == null ? null : EntityData.withTextsOf(entities, text);
        }
    }
}
