package org.newsroom.query.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.newsroom.query.projection.ProjectionStatus;
import org.newsroom.service.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Read-your-writes: {@code ?minPosition=N} waits (bounded) until the read model has applied event N, and every
 * response says which position it reflects in {@code X-Projected-Position}.
 */
public class ProjectedPositionFilter {

    public static final String HEADER = "X-Projected-Position";
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final ProjectionStatus status;

    public ProjectedPositionFilter(ProjectionStatus status) {
        this.status = status;
    }

    /** Runs after matching, on the worker thread of the (blocking) endpoint: waiting never stalls the event loop. */
    @ServerRequestFilter
    public void awaitPosition(ContainerRequestContext request) throws SQLException, InterruptedException {
        String value = request.getUriInfo().getQueryParameters().getFirst("minPosition");
        if (value == null || !"GET".equals(request.getMethod())) {
            return;
        }
        long position;
        try {
            position = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("minPosition", "'minPosition' must be a whole number");
        }
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (position > 0 && !status.hasApplied(position) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    @ServerResponseFilter
    public void addPosition(ContainerResponseContext response) throws SQLException {
        if (response.getHeaders().containsKey(HEADER)) {
            return; // the resource read it already, in the same snapshot as its answer
        }
        response.getHeaders().putSingle(HEADER, status.projectedPosition());
    }
}
