package org.newsroom.query.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.query.readmodel.ArticleEvents;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.service.ProblemException;
import org.newsroom.service.RequiresKey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/articles")
@RequiresKey(value = "newsroom.query.api-keys", enabledBy = "newsroom.query.require-key")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ArticleResource {

    private final ArticleEvents articleEvents;

    public ArticleResource(ArticleEvents articleEvents) {
        this.articleEvents = articleEvents;
    }

    public record ArticleView(UUID id, UUID storyId, String outlet, String title, String url, Instant publishedAt,
                              int revision, String dateline, List<String> wireCredits, String text,
                              List<ClaimData> claims) {
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One article: its normalized text and claims; claim offsets index into text")
    public ArticleView article(@PathParam("id") String id) {
        UUID articleId;
        try {
            articleId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no article with id '" + id + "'");
        }
        ArticleViewEntity a = ArticleViewEntity.findById(articleId);
        if (a == null) {
            throw ProblemException.notFound("no article with id '" + id + "'");
        }
        ArticleEvents.Article events = articleEvents.of(a);
        ArticleIngested text = events.ingested();
        return new ArticleView(a.articleId, a.storyId, a.outlet, a.title, a.url, a.publishedAt, a.revision,
                text.dateline(), text.wireCredits(), text.text(),
                events.extracted() == null ? List.of() : ClaimData.withTextsOf(events.extracted().claims(), text.text()));
    }
}
