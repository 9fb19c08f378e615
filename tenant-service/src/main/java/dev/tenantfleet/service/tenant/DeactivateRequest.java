package dev.tenantfleet.service.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Deactivates a tenant (its database is kept); the reason is mandatory for the audit log. */
public record DeactivateRequest(@NotBlank @Size(max = 2000) String reason) {}
