package org.newsroom.query.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.newsroom.query.projection.ProjectionStatus;
import org.newsroom.service.ProblemException;

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

    /**
     * Runs after matching. The wait reads the database and sleeps, so it runs on a worker thread, also in front of
     * an endpoint that answers on the event loop.
     */
    @ServerRequestFilter
    public Uni<Void> awaitPosition(ContainerRequestContext request) {
        String value = request.getUriInfo().getQueryParameters().getFirst("minPosition");
        if (value == null || !"GET".equals(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        long position;
        try {
            position = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("minPosition", "'minPosition' must be a whole number");
        }
        return Uni.createFrom().<Void>item(() -> {
            await(position);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void await(long position) {
        try {
            Instant deadline = Instant.now().plus(MAX_WAIT);
            while (position > 0 && !status.hasApplied(position) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
