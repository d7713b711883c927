package org.newsroom.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * In production a service without keys would be open to anyone (or to no one): it refuses to start instead,
 * naming the variable to set. The properties to check are listed in {@code newsroom.required-keys}.
 */
public class KeysConfiguredCheck {

    void check(@Observes StartupEvent ignored) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> required = ConfigProvider.getConfig()
                .getOptionalValues("newsroom.required-keys", String.class).orElse(List.of());
        for (String property : required) {
            if (ApiKeyFilter.keys(property).isEmpty()) {
                String variable = property.toUpperCase().replace('.', '_').replace('-', '_');
                throw new IllegalStateException("No keys configured for " + property + ": set " + variable
                        + " to a comma-separated list of secret keys (the service refuses to start without them)");
            }
        }
    }
}
