package dev.tenantfleet.service.server;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Registers or updates a database server. The host ends up in every connection to its tenants: it is checked. */
public record ServerRequest(
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,62}$", message = "must match ^[a-z][a-z0-9-]{0,62}$")
        String name,

        @NotBlank @HostnameOrIpLiteral String host,
        @Min(1) @Max(65535) int port,

        @NotBlank @Pattern(regexp = "^[a-z0-9-]{1,63}$", message = "must match ^[a-z0-9-]{1,63}$")
        String adminCredentialsRef,

        @Min(1) @Max(1000) Integer concurrencyCap) {}
