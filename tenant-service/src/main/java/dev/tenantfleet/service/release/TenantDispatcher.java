package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Sends one tenant's migrate or rollback command through the outbox and marks it in flight. */
@ApplicationScoped
class TenantDispatcher {
    private static final Logger LOG = Logger.getLogger(TenantDispatcher.class);

    private final Outbox outbox;
    private final ReleaseAnnouncer announcer;

    TenantDispatcher(Outbox outbox, ReleaseAnnouncer announcer) {
        this.outbox = outbox;
        this.announcer = announcer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void migrate(Release release, ReleaseSpec spec, ReleaseTenant releaseTenant) {
        Tenant tenant = Tenant.findById(releaseTenant.tenantId);
        UUID commandId = UUID.randomUUID();
        outbox.add(new MigrateTenant(commandId, tenant.id, tenant.slug, connectionOf(tenant), release.targetTag,
                release.changelogDigest, MigrationPurpose.RELEASE, release.id, spec.tenantTimeoutSeconds(),
                spec.allowNonTransactional()));
        inFlight(releaseTenant, commandId, TenantReleaseState.MIGRATING);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void rollback(Release release, ReleaseSpec spec, ReleaseTenant releaseTenant) {
        Tenant tenant = Tenant.findById(releaseTenant.tenantId);
        UUID commandId = UUID.randomUUID();
        outbox.add(new RollbackTenant(commandId, tenant.id, tenant.slug, connectionOf(tenant), release.id,
                releaseTenant.applied(), releaseTenant.headBefore, release.changelogDigest, spec.tenantTimeoutSeconds()));
        inFlight(releaseTenant, commandId, TenantReleaseState.ROLLING_BACK);
    }

    private void inFlight(ReleaseTenant releaseTenant, UUID commandId, TenantReleaseState state) {
        releaseTenant.commandId = commandId;
        releaseTenant.state = state;
        releaseTenant.attempts++;
        releaseTenant.dispatchedAt = Instant.now();
        releaseTenant.errorJson = null;
        ReleaseLogEntry.append(releaseTenant.releaseId, releaseTenant.tenantId, releaseTenant.slug, state.name(),
                "command " + commandId + ", attempt " + releaseTenant.attempts);
        announcer.tenantUpdated(releaseTenant);
        try (TenantLogContext log = TenantLogContext.tenant(releaseTenant.slug)) {
            LOG.infof("Tenant %s: %s, command %s queued (attempt %d)", releaseTenant.slug, state, commandId,
                    releaseTenant.attempts);
        }
    }

    private static TenantConnection connectionOf(Tenant tenant) {
        return new TenantConnection(tenant.server.host, tenant.server.port, tenant.databaseName, tenant.roleName,
                tenant.password());
    }
}
