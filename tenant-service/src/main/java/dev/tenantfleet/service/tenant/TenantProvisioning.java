package dev.tenantfleet.service.tenant;

import java.util.UUID;

/**
 * What the tenant API asks of provisioning. An interface here, implemented by the provisioning package, so that
 * provisioning (which needs tenants) and tenant (which starts provisioning) do not depend on each other in a circle.
 */
public interface TenantProvisioning {
    /** Continues provisioning {@code tenantId} in the background from its stored step. */
    void resume(UUID tenantId);

    /** Puts a failed tenant back in PROVISIONING and resumes it from where it stopped; returns its id. */
    UUID retry(String slug, String actor);
}
