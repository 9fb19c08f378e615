package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes the migrate or rollback command a release tenant now waits for to the outbox, in the transaction of the
 * transition that marked it in flight (so the command and the state that expects its result commit together).
 */
@ApplicationScoped
class ReleaseCommands {
    private final Outbox outbox;

    ReleaseCommands(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void migrate(Release release, ReleaseSpec spec, ReleaseTenant releaseTenant) {
        Tenant tenant = Tenant.findById(releaseTenant.tenantId);
        outbox.add(new MigrateTenant(
                releaseTenant.commandId,
                tenant.id,
                tenant.slug,
                connectionOf(tenant),
                release.targetTag,
                release.changelogDigest,
                MigrationPurpose.RELEASE,
                release.id,
                spec.tenantTimeoutSeconds(),
                spec.allowNonTransactional()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void rollback(Release release, ReleaseSpec spec, ReleaseTenant releaseTenant) {
        Tenant tenant = Tenant.findById(releaseTenant.tenantId);
        outbox.add(new RollbackTenant(
                releaseTenant.commandId,
                tenant.id,
                tenant.slug,
                connectionOf(tenant),
                release.id,
                releaseTenant.applied(),
                releaseTenant.headBefore,
                release.changelogDigest,
                spec.tenantTimeoutSeconds()));
    }

    private static TenantConnection connectionOf(Tenant tenant) {
        return new TenantConnection(
                tenant.server.host, tenant.server.port, tenant.databaseName, tenant.roleName, tenant.password());
    }
}
