package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import dev.tenantfleet.service.tenant.Tenant;
import java.util.UUID;

/**
 * A detached snapshot of what provisioning needs from a tenant row, so the slow steps on the database
 * server run outside any control-DB transaction.
 */
record ProvisioningJob(
        UUID tenantId,
        String slug,
        TenantStatus status,
        ProvisioningStep step,
        String serverName,
        String host,
        int port,
        String adminCredentialsRef,
        String database,
        String role,
        EncryptedSecret password) {

    static ProvisioningJob of(Tenant tenant) {
        return new ProvisioningJob(
                tenant.id,
                tenant.slug,
                tenant.status,
                tenant.provisioningStep,
                tenant.server.name,
                tenant.server.host,
                tenant.server.port,
                tenant.server.adminCredentialsRef,
                tenant.databaseName,
                tenant.roleName,
                tenant.password());
    }
}
