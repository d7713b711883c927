package org.newsroom.query.api;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newsroom.query.live.StoryViewWatcher;
import org.newsroom.query.readmodel.StoryViewEntity;
import org.newsroom.query.web.ReaderPages;
import org.newsroom.query.web.ReaderTemplates;
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
    private final ReaderPages pages;
    private final StoryViewWatcher watcher;
    private final LatestViews latest;

    public StoryResource(StoryQueries queries, ReaderPages pages, StoryViewWatcher watcher, LatestViews latest) {
        this.queries = queries;
        this.latest = latest;
        this.pages = pages;
        this.watcher = watcher;
    }

    public record StorySummary(UUID id, String headline, int articleCount, int outletCount, int claimCount,
                               int contradictionCount, Instant firstPublishedAt, Instant updatedAt, int version) {

        public static StorySummary of(StoryViewEntity s) {
            return new StorySummary(s.storyId, s.headline, s.articleCount, s.outletCount, s.claimCount,
                    s.contradictionCount, s.firstPublishedAt, s.updatedAt, s.version);
        }
    }

    public record StoryList(List<StorySummary> stories) {
    }

    @GET
    @Operation(summary = "List stories, most recently updated first")
    public StoryList list() {
        return new StoryList(StoryViewEntity.listed().stream().map(StorySummary::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The story so far", description = "Merged claims with provenance, contradictions, "
            + "entities and timeline. asOf or version give the story as it stood then.")
    @NonBlocking
    public Uni<Response> story(@PathParam("id") String id,
                          @Parameter(description = "ISO-8601 instant", example = "2022-01-11T00:00:00Z")
                          @QueryParam("asOf") String asOf,
                          @Parameter(description = "story version") @QueryParam("version") Integer version,
                          @Parameter(description = "wait until the read model has applied this event position")
                          @QueryParam("minPosition") String minPosition,
                          @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // The latest view, known in memory to be current: answered on the event loop, like a static file (most such
        // requests never get here: LatestViewRoute answers them first).
        UUID known = version == null && asOf == null && minPosition == null ? parsed(id) : null;
        LatestViews.Current current = known == null ? null : latest.known(known);
        if (current != null) {
            return Uni.createFrom().item(latest(current, acceptEncoding, ifNoneMatch));
        }
        // Everything else reads the database, and may fail: on a worker thread.
        return Uni.createFrom().item(() -> {
            UUID storyId = storyId(id);
            if (version != null || asOf != null) {
                return Response.ok(queries.storyBody(storyId, version, instant(asOf))).build();
            }
            // A reader who waited for its own write checks the version in the database, not in the notifications.
            return latest(latest.current(storyId, minPosition != null), acceptEncoding, ifNoneMatch);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response latest(LatestViews.Current current, String acceptEncoding, String ifNoneMatch) {
        LatestViews.Representation view = current.view();
        Response.ResponseBuilder response;
        if (ifNoneMatch != null && matches(ifNoneMatch, view.etag())) {
            response = Response.notModified();
        } else if (acceptsGzip(acceptEncoding)) {
            response = Response.ok(view.gzip()).header(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else {
            response = Response.ok(view.json());
        }
        // Revalidate every time (the story changes as articles arrive); the tag makes that a 304 when it has not.
        return response.type(MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(view.etag().substring(1, view.etag().length() - 1)))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(ProjectedPositionFilter.HEADER, Math.max(current.projectedPosition(), view.position()))
                .build();
    }

    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** gzip unless the client refuses it with q=0; a client that sends no Accept-Encoding gets plain JSON. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    if (parts[i].replace(" ", "").matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** The server's preference (qs) below JSON's: only clients that ask for HTML, as browsers do, get the page. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML + ";qs=0.5")
    @Operation(summary = "The story so far as the reader web page")
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("asOf") String asOf,
                                 @QueryParam("version") Integer version) {
        return ReaderTemplates.story(pages.story(storyId(id), version, instant(asOf)));
    }

    @GET
    @Path("/{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: {\"version\", \"position\"} each time the story's view changes",
            description = "since=N (or the Last-Event-ID header on reconnection) also sends the current version "
                    + "at once when it is newer than N, so a reader showing version N misses nothing.")
    public Multi<OutboundSseEvent> live(@PathParam("id") String id, @QueryParam("since") Integer since,
                                        @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        // A reconnecting EventSource repeats its first URL but sends the last version it received.
        Integer resumed = lastEventId == null ? null : parseVersion(lastEventId);
        Integer after = since == null ? resumed : resumed == null ? since : Integer.valueOf(Math.max(since, resumed));
        return watcher.follow(storyId(id), after).map(v -> sse.newEventBuilder()
                .id(Integer.toString(v.version()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data("{\"version\":" + v.version() + ",\"position\":" + v.position() + "}")
                .build());
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

    static UUID parsed(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static UUID storyId(String id) {
        UUID storyId = parsed(id);
        if (storyId == null) {
            throw ProblemException.notFound("no story with id '" + id + "'");
        }
        return storyId;
    }

    private static Integer parseVersion(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
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
