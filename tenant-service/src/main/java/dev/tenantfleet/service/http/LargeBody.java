package dev.tenantfleet.service.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that takes bodies up to {@code quarkus.http.limits.max-body-size} (an import of thousands of
 * rows); every other endpoint is held to {@code tenantfleet.http.max-json-body-size} by {@link RequestBodyLimit}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LargeBody {}
