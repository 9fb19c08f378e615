package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Instant;
import java.util.UUID;

/** A tenant as the API shows it: never its password, not even encrypted. */
public record TenantView(
        UUID id,
        String slug,
        String name,
        TenantStatus status,
        String server,
        String database,
        String role,
        String schemaHead,
        String provisioningStep,
        Failure failure,
        Instant createdAt,
        Instant updatedAt,
        Instant deactivatedAt) {

    /** Why provisioning failed, while the tenant is PROVISIONING_FAILED. */
    public record Failure(String code, String reason) {}

    /** The view of a tenant. */
    public static TenantView of(Tenant tenant) {
        Failure failure = tenant.failureCode == null ? null : new Failure(tenant.failureCode, tenant.failureReason);
        return new TenantView(
                tenant.id,
                tenant.slug,
                tenant.displayName,
                tenant.status,
                tenant.server.name,
                tenant.databaseName,
                tenant.roleName,
                tenant.schemaHead,
                tenant.provisioningStep == null ? null : tenant.provisioningStep.name(),
                failure,
                tenant.createdAt,
                tenant.updatedAt,
                tenant.deactivatedAt);
    }
}
