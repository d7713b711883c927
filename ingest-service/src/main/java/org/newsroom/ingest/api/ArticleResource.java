package org.newsroom.ingest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.newsroom.ingest.ingesting.ArticleIngestor;
import org.newsroom.service.RequiresKey;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;

@Path("/articles")
public class ArticleResource {

    private final ArticleIngestor ingestor;

    public ArticleResource(ArticleIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresKey("newsroom.ingest.api-keys")
    @SecurityRequirement(name = "ingestKey")
    @Operation(summary = "Ingest an article", description = "Extracts claims, assigns the article to a story and "
            + "appends its events in one transaction. Posting the same article again appends nothing.")
    @APIResponse(responseCode = "201", description = "new article or revision stored")
    @APIResponse(responseCode = "200", description = "the same article was already stored (duplicate: true)")
    @APIResponse(responseCode = "400", description = "invalid input (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "missing or wrong key")
    public Response post(ArticleRequest request) throws SQLException {
        IngestResponse result = ingestor.ingest(ArticleValidator.validate(request, Instant.now()));
        if (result.duplicate()) {
            return Response.ok(result).build();
        }
        return Response.created(URI.create("/articles/" + result.articleId())).entity(result).build();
    }
}
