package dev.tenantfleet.service.release;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Safety net for results that never come (no worker running, a command lost to a misconfigured broker): a tenant in
 * flight longer than its timeout plus a grace period fails with TIMEOUT, so the release's policy decides instead of
 * the release hanging. A worker killed mid-tenant is not this case: the broker redelivers its command.
 */
@ApplicationScoped
class OverdueResults {
    private final Duration grace;
    private final ReleaseAnnouncer announcer;

    OverdueResults(TenantFleetConfig config, ReleaseAnnouncer announcer) {
        this.grace = config.release().resultGrace();
        this.announcer = announcer;
    }

    void fail(Release release, ReleaseSpec spec, List<ReleaseTenant> tenants) {
        Instant deadline = Instant.now().minusSeconds(spec.tenantTimeoutSeconds()).minus(grace);
        for (ReleaseTenant tenant : tenants) {
            boolean inFlight = tenant.state == TenantReleaseState.MIGRATING || tenant.state == TenantReleaseState.ROLLING_BACK;
            if (inFlight && tenant.dispatchedAt != null && tenant.dispatchedAt.isBefore(deadline)) {
                String message = "no result from any migration-worker within " + spec.tenantTimeoutSeconds() + " s + "
                        + grace.toSeconds() + " s grace; is a worker running and bound to migration.commands?";
                tenant.errorJson = ReleaseJson.write(new MigrationError(MigrationErrorCode.TIMEOUT, message,
                        MigrationErrorCode.TIMEOUT.hint(), null));
                tenant.state = tenant.state == TenantReleaseState.MIGRATING ? TenantReleaseState.FAILED
                        : TenantReleaseState.ROLLBACK_FAILED;
                tenant.finishedAt = Instant.now();
                tenant.commandId = null;
                ReleaseLogEntry.append(release.id, tenant.tenantId, tenant.slug, tenant.state.name(), message);
                announcer.tenantUpdated(tenant);
            }
        }
    }
}
