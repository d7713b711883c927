package org.newsroom.query.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.query.api.StoryResource.StorySummary;
import org.newsroom.query.readmodel.ArticleViewEntity;
import org.newsroom.query.readmodel.StoryViewEntity;

import org.newsroom.service.RequiresKey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/")
@Blocking
@RequiresKey(value = "newsroom.query.api-keys", enabledBy = "newsroom.query.require-key")
public class HomePage {

    /** A story on the home page: its summary and the outlets that reported it. */
    public record StoryCard(StorySummary story, List<String> outlets) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "The reader web page: all stories, most recently updated first")
    public TemplateInstance index() {
        Map<UUID, List<String>> outlets = ArticleViewEntity.outletsByStory();
        return ReaderTemplates.index(StoryViewEntity.listed().stream()
                .map(s -> new StoryCard(StorySummary.of(s), outlets.getOrDefault(s.storyId, List.of())))
                .toList());
    }
}
