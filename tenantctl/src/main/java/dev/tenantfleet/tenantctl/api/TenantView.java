package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A tenant as tenant-service returns it (the parts tenantctl prints). The status stays text: a status this tenantctl
 * does not know yet is still printed as the service wrote it.
 *
 * @param provisioningStep the next provisioning step while the tenant is not yet ACTIVE
 * @param failure          why provisioning failed, while the tenant is PROVISIONING_FAILED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantView(
        String id,
        String slug,
        String name,
        String status,
        String server,
        String database,
        String role,
        String schemaHead,
        String provisioningStep,
        Failure failure,
        Instant createdAt,
        Instant updatedAt,
        Instant deactivatedAt) {

    /** Why provisioning failed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failure(String code, String reason) {}
}
