package org.newsroom.query.view;

import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;
import org.newsroom.events.StoryEvent.ArticleAssignedToStory;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.events.StoryEvent.StoryOpened;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Folds a story's events, oldest first, into the state the view is built from: its headline and the current
 * revision of every article assigned to it. Pure: past versions of a story are this fold over a prefix of its stream.
 */
public final class StoryFold {

    /** The story after the folded events; {@code version} and {@code asOf} are those of the last assignment. */
    public record Folded(UUID storyId, String headline, int version, Instant asOf, List<StoryArticle> articles) {
    }

    private StoryFold() {
    }

    public static Folded fold(UUID storyId, List<RecordedEvent> events) {
        String headline = null;
        Map<UUID, ArticleIngested> ingested = new HashMap<>();
        Map<UUID, ClaimsExtracted> extracted = new HashMap<>();
        Map<UUID, StoryArticle> assigned = new LinkedHashMap<>();
        int version = 0;
        Instant asOf = null;
        for (RecordedEvent recorded : events) {
            StoryEvent e = recorded.event();
            if (e instanceof StoryOpened opened) {
                headline = opened.headline();
            } else if (e instanceof ArticleIngested a) {
                ingested.put(a.articleId(), a);
            } else if (e instanceof ClaimsExtracted c) {
                extracted.put(c.articleId(), c);
            } else if (e instanceof ArticleAssignedToStory a && ingested.containsKey(a.articleId())) {
                assigned.put(a.articleId(), article(ingested.get(a.articleId()), extracted.get(a.articleId())));
                version = recorded.streamVersion();
                asOf = recorded.recordedAt();
            }
        }
        return new Folded(storyId, headline, version, asOf, new ArrayList<>(assigned.values()));
    }

    private static StoryArticle article(ArticleIngested a, ClaimsExtracted c) {
        boolean current = c != null && c.revision() == a.revision();
        return new StoryArticle(a.articleId(), a.outlet(), a.title(), a.url(), a.publishedAt(), a.text(),
                a.wireCredits(), current ? c.claims() : List.of(), current ? c.entities() : List.of());
    }
}
