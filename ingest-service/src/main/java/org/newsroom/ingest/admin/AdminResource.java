package org.newsroom.ingest.admin;

import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.newsroom.service.RequiresKey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RequiresKey("newsroom.admin.api-keys")
public class AdminResource {

    private final AgroalDataSource dataSource;

    public AdminResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Status(long events, long headPosition, long stories, long articles) {
    }

    @GET
    @Path("/status")
    @SecurityRequirement(name = "bearerKey")
    @Operation(summary = "Size of the event log: events, head position, stories and articles")
    public Status status() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT count(*), coalesce(max(position), 0),
                            count(*) FILTER (WHERE type = 'StoryOpened'),
                            count(DISTINCT data ->> 'articleId') FILTER (WHERE type = 'ArticleIngested')
                     FROM events
                     """)) {
            rs.next();
            return new Status(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }
}
