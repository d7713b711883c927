package org.newsroom.query.projection;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.EntityData;

import java.util.List;

/** The JSON kept per article in the read model: its normalized text and what the extractor found in it. */
public record ArticleBody(String text, String dateline, List<String> wireCredits, List<ClaimData> claims,
                          List<EntityData> entities) {
}
