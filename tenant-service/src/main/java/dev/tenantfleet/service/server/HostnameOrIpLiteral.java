package dev.tenantfleet.service.server;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A database server's host: a hostname (RFC 1123 labels of letters, digits and hyphens, and underscores, which Docker
 * Compose service names may hold) or an IPv4 or IPv6 literal, IPv6 without brackets. Nothing else: no port, path,
 * query, comma-separated host list or whitespace, which a JDBC URL would read as more than a host.
 */
@Constraint(validatedBy = HostnameOrIpLiteralValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface HostnameOrIpLiteral {
    String message() default "must be a hostname or an IP literal (IPv6 without brackets), at most 253 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
