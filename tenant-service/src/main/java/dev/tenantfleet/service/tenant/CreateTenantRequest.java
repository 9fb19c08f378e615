package dev.tenantfleet.service.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registers a tenant. The slug is checked against {@link TenantNaming#SLUG_RULE} by the service (so the
 * error quotes the rule); {@code server} defaults to the configured default database server.
 */
public record CreateTenantRequest(
        String slug, @NotBlank @Size(max = 200) String name, String server) {}
