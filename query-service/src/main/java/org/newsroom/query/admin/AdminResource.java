package org.newsroom.query.admin;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.newsroom.service.RequiresKey;

import java.sql.SQLException;

@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RequiresKey("newsroom.admin.api-keys")
@Blocking
public class AdminResource {

    private final ReadModelRebuilder rebuilder;

    public AdminResource(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @POST
    @Path("/rebuild")
    @SecurityRequirement(name = "bearerKey")
    @Operation(summary = "Replay every event into a fresh read model and switch to it; answers when done")
    public ReadModelRebuilder.Result rebuild() throws SQLException, InterruptedException {
        return rebuilder.rebuild();
    }
}
