package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.tenant.TenantStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Moves a tenant to ACTIVE, READ_ONLY or SUSPENDED, with the reason recorded in the audit log. */
public record StatusChangeRequest(
        @NotNull TenantStatus to, @Size(max = 2000) String reason) {}
