package org.newsroom.service;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Answers an announced body over {@code newsroom.max-body-size} with a 413 problem before reading it. The HTTP
 * layer's own limit is set higher and catches bodies that do not announce their length.
 */
public class BodyLimitFilter {

    private final long limit;

    public BodyLimitFilter(@ConfigProperty(name = "newsroom.max-body-size", defaultValue = "2M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            return Optional.of(ProblemMappers.respond(Problem.of(413, "Payload too large",
                    "the request body is " + request.getLength() + " bytes; the limit is " + limit + " bytes", null)));
        }
        return Optional.empty();
    }
}
