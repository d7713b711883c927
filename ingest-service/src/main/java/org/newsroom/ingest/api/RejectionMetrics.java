package org.newsroom.ingest.api;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Counts articles refused at the door (invalid, too large, wrong type, unauthorized), by status. */
public class RejectionMetrics {

    private final MeterRegistry metrics;

    public RejectionMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500 && "POST".equals(request.getMethod())
                && request.getUriInfo().getPath().equals("/articles")) {
            metrics.counter("newsroom.articles.rejected", "status", Integer.toString(status)).increment();
        }
    }
}
