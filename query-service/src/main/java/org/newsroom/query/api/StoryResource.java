package org.newsroom.query.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.service.ProblemException;
import org.newsroom.service.RequiresKey;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/stories")
@RequiresKey(value = "newsroom.query.api-keys", enabledBy = "newsroom.query.require-key")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StoryResource {

    private final StoryQueries queries;

    public StoryResource(StoryQueries queries) {
        this.queries = queries;
    }

    public record StorySummary(UUID id, String headline, int articleCount, int outletCount, int claimCount,
                               int contradictionCount, Instant firstPublishedAt, Instant updatedAt, int version) {
    }

    public record StoryList(List<StorySummary> stories) {
    }

    @GET
    @Operation(summary = "List stories, most recently updated first")
    public StoryList list() {
        return new StoryList(StoryViewEntity.listed().stream()
                .map(s -> new StorySummary(s.storyId, s.headline, s.articleCount, s.outletCount, s.claimCount,
                        s.contradictionCount, s.firstPublishedAt, s.updatedAt, s.version))
                .toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The story so far", description = "Merged claims with provenance, contradictions, "
            + "entities and timeline. asOf or version give the story as it stood then.")
    public String story(@PathParam("id") String id,
                        @Parameter(description = "ISO-8601 instant", example = "2022-01-11T00:00:00Z")
                        @QueryParam("asOf") String asOf,
                        @Parameter(description = "story version") @QueryParam("version") Integer version) {
        return queries.storyBody(storyId(id), version, instant(asOf));
    }

    @GET
    @Path("/{id}/changes")
    @Operation(summary = "What was added or changed after version N")
    public StoryChanges changes(@PathParam("id") String id, @QueryParam("since") Integer since) {
        if (since == null || since < 0) {
            throw ProblemException.badRequest("since", "'since' is required: a story version (0 for everything)");
        }
        return queries.changes(storyId(id), since);
    }

    @GET
    @Path("/{id}/events")
    @Operation(summary = "The story's raw events, oldest first (the audit trail)")
    public List<StoryQueries.EventRow> events(@PathParam("id") String id) {
        return queries.events(storyId(id));
    }

    static UUID storyId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no story with id '" + id + "'");
        }
    }

    private static Instant instant(String asOf) {
        if (asOf == null) {
            return null;
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf", "'asOf' must be an ISO-8601 instant such as 2022-01-11T00:00:00Z");
        }
    }
}
