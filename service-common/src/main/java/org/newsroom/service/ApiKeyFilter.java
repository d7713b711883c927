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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks bearer keys for endpoints marked {@link RequiresKey}, in constant time, without logging them. What each
 * marking's properties say is read once per application start (the filter is created with it): reading the
 * configuration on every request cost a seventh of the event loop's time for a story served from memory.
 */
public class ApiKeyFilter {

    /**
     * What one marking's properties say: whether it is switched on, and the digests of the keys it accepts. Also for
     * routes that answer before RESTEasy's filters run.
     */
    public record KeyCheck(boolean enabled, List<byte[]> digests) {

        public static KeyCheck of(RequiresKey required) {
            boolean enabled = required.enabledBy().isEmpty()
                    || ConfigProvider.getConfig().getOptionalValue(required.enabledBy(), Boolean.class).orElse(false);
            return new KeyCheck(enabled, keys(required.value()).stream().map(ApiKeyFilter::digest).toList());
        }

        /** Whether a request with this Authorization header (null when absent) may pass. */
        public boolean admits(String authorization) {
            return !enabled || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && matches(authorization.substring(7).trim(), digests);
        }
    }

    private final Map<RequiresKey, KeyCheck> checks = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        RequiresKey required = resource.getResourceMethod() == null ? null
                : Optional.ofNullable(resource.getResourceMethod().getAnnotation(RequiresKey.class))
                    .orElse(resource.getResourceClass().getAnnotation(RequiresKey.class));
        if (required == null) {
            return Optional.empty();
        }
        if (checks.computeIfAbsent(required, KeyCheck::of).admits(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "Unauthorized",
                        "a valid 'Authorization: Bearer <key>' header is required", null))
                .build());
    }

    static List<String> keys(String property) {
        return ConfigProvider.getConfig().getOptionalValues(property, String.class).orElse(List.of()).stream()
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    /** Compares against every key's digest, always in full, so timing does not reveal how much of a key matched. */
    static boolean matches(String presented, List<byte[]> digests) {
        byte[] given = digest(presented);
        boolean found = false;
        for (byte[] key : digests) {
            found |= MessageDigest.isEqual(given, key);
        }
        return found;
    }

    static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
