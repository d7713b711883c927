package org.newsroom.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The endpoint needs {@code Authorization: Bearer <key>} with a key from the named configuration property. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresKey {

    /** e.g. {@code newsroom.ingest.api-keys} or {@code newsroom.admin.api-keys}. */
    String value();

    /** A boolean property that switches the check on; empty means always checked. */
    String enabledBy() default "";
}
