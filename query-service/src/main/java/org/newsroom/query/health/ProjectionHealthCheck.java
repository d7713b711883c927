package org.newsroom.query.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.newsroom.query.projection.ProjectionRunner;
import org.newsroom.query.projection.ProjectionStatus;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Ready once this instance projects (holds the lock) or knows another instance does; not ready when the active
 * projector has stopped advancing while events wait.
 */
@Readiness
@ApplicationScoped
public class ProjectionHealthCheck implements HealthCheck {

    private final ProjectionRunner runner;
    private final ProjectionStatus status;
    private final Duration stallAfter;

    public ProjectionHealthCheck(ProjectionRunner runner, ProjectionStatus status,
                                 @ConfigProperty(name = "newsroom.projection.stall-after", defaultValue = "PT30S")
                                 Duration stallAfter) {
        this.runner = runner;
        this.status = status;
        this.stallAfter = stallAfter;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("projection")
                .withData("role", runner.role().name());
        try {
            long lag = status.lag();
            Instant lastProgress = runner.lastProgress();
            response.withData("lagEvents", lag)
                    .withData("position", status.projectedPosition())
                    .withData("lastProgress", lastProgress.toString());
            boolean stalled = lag > 0 && Duration.between(lastProgress, Instant.now()).compareTo(stallAfter) > 0;
            boolean serving = runner.role() == ProjectionRunner.Role.ACTIVE || runner.role() == ProjectionRunner.Role.STANDBY;
            return response.status(serving && !(runner.role() == ProjectionRunner.Role.ACTIVE && stalled)).build();
        } catch (SQLException e) {
            return response.withData("error", e.getMessage()).down().build();
        }
    }
}
