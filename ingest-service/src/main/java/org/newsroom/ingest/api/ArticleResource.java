package org.newsroom.ingest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.newsroom.ingest.ingesting.ArticleIngestor;
import org.newsroom.service.Problem;
import org.newsroom.service.RequiresKey;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;

@Path("/articles")
public class ArticleResource {

    static final String EXAMPLE = """
            {"outlet": "Example Post", "url": "https://example.org/news/bridge-reopens",
             "title": "Harbour bridge reopens after repairs", "publishedAt": "2024-03-05T09:00:00Z",
             "text": "The harbour bridge reopened on Tuesday, the city council said. About 40,000 vehicles cross it every day."}
            """;
    static final String CREATED = """
            {"articleId": "5b0e4b52-8b1e-3c2b-9a57-1f0f8f3f2a10", "storyId": "0c5f8f4a-68b5-3296-af46-c9fe639b8ccf",
             "position": 20, "claims": 2, "duplicate": false, "revision": 1}
            """;
    static final String BAD_URL = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "'url' must be an absolute http or https URL", "field": "url"}
            """;

    private final ArticleIngestor ingestor;

    public ArticleResource(ArticleIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresKey("newsroom.ingest.api-keys")
    @SecurityRequirement(name = "bearerKey")
    @Operation(summary = "Ingest an article", description = "Extracts claims, assigns the article to a story and "
            + "appends its events in one transaction. Posting the same article again appends nothing.")
    @APIResponse(responseCode = "201", description = "new article or revision stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "created",
                    value = CREATED)))
    @APIResponse(responseCode = "200", description = "the same article was already stored (duplicate: true)")
    @APIResponse(responseCode = "400", description = "invalid input (problem+json naming the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad url",
                    value = BAD_URL)))
    @APIResponse(responseCode = "401", description = "missing or wrong key")
    @APIResponse(responseCode = "413", description = "body over the size limit")
    @APIResponse(responseCode = "415", description = "not application/json")
    @APIResponse(responseCode = "503", description = "database unavailable; retry after Retry-After seconds")
    public Response post(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "article", value = EXAMPLE))) ArticleRequest request) throws SQLException {
        IngestResponse result = ingestor.ingest(ArticleValidator.validate(request, Instant.now()));
        if (result.duplicate()) {
            return Response.ok(result).build();
        }
        return Response.created(URI.create("/articles/" + result.articleId())).entity(result).build();
    }
}
