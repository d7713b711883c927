package org.newsroom.query.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.newsroom.query.api.StoryQueries;
import org.newsroom.query.projection.ViewJson;
import org.newsroom.query.readmodel.ArticleEvents;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.view.StoryView;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Gathers what the reader page of a story needs from the read model. */
@ApplicationScoped
public class ReaderPages {

    private final StoryQueries queries;
    private final ViewJson json;
    private final ArticleEvents articleEvents;

    public ReaderPages(StoryQueries queries, ViewJson json, ArticleEvents articleEvents) {
        this.queries = queries;
        this.json = json;
        this.articleEvents = articleEvents;
    }

    @Transactional
    public StoryPage story(UUID storyId, Integer version, Instant asOf) {
        StoryView view = json.read(queries.storyBody(storyId, version, asOf), StoryView.class);
        Map<UUID, String> texts = new HashMap<>();
        articleEvents.of(ArticleViewEntity.ofStory(storyId)).forEach((id, a) -> texts.put(id, a.ingested().text()));
        return StoryPage.of(view, queries.versions(storyId), texts);
    }
}
