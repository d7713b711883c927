package org.newsroom.query.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.newsroom.query.projection.ProjectionStatus;

import java.sql.SQLException;

/** Publishes how many events the read model has not applied yet, as seen from the database. */
@ApplicationScoped
public class ProjectionLagMetrics {

    void register(@Observes StartupEvent ignored, MeterRegistry registry, ProjectionStatus status) {
        Gauge.builder("newsroom.projection.lag.events", () -> {
            try {
                return status.lag();
            } catch (SQLException e) {
                return Double.NaN;
            }
        }).description("events in the log not yet applied to the read model").register(registry);
    }
}
