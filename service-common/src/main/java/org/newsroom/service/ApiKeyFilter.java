package org.newsroom.service;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Checks bearer keys for endpoints marked {@link RequiresKey}, in constant time, without logging them. */
public class ApiKeyFilter {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        RequiresKey required = resource.getResourceMethod() == null ? null
                : Optional.ofNullable(resource.getResourceMethod().getAnnotation(RequiresKey.class))
                    .orElse(resource.getResourceClass().getAnnotation(RequiresKey.class));
        if (required == null || !enabled(required)) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(header.substring(7).trim(), keys(required.value()))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "Unauthorized",
                        "a valid 'Authorization: Bearer <key>' header is required", null))
                .build());
    }

    private static boolean enabled(RequiresKey required) {
        return required.enabledBy().isEmpty()
                || ConfigProvider.getConfig().getOptionalValue(required.enabledBy(), Boolean.class).orElse(false);
    }

    static List<String> keys(String property) {
        return ConfigProvider.getConfig().getOptionalValues(property, String.class).orElse(List.of()).stream()
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    /** Compares against every key, always in full, so timing does not reveal how much of a key matched. */
    static boolean matches(String presented, List<String> keys) {
        byte[] given = digest(presented);
        boolean found = false;
        for (String key : keys) {
            found |= MessageDigest.isEqual(given, digest(key));
        }
        return found;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
