package dev.tenantfleet.service.release;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import java.time.Duration;
import java.time.Instant;

/**
 * Safety net for results that never come (no worker running, a command lost to a misconfigured broker): a tenant in
 * flight longer than its timeout plus a grace period fails with TIMEOUT, so the release's policy decides instead of
 * the release hanging. A worker killed mid-tenant is not this case: the broker redelivers its command.
 */
final class OverdueResults {
    private OverdueResults() {}

    static void fail(ReleaseSnapshot snapshot, Duration grace, StepOutcome outcome) {
        int timeout = snapshot.spec().tenantTimeoutSeconds();
        Instant deadline = snapshot.now().minusSeconds(timeout).minus(grace);
        for (ReleaseTenant tenant : snapshot.tenants()) {
            if (tenant.inFlight() && tenant.dispatchedAt != null && tenant.dispatchedAt.isBefore(deadline)) {
                String message = "no result from any migration-worker within " + timeout + " s + " + grace.toSeconds()
                        + " s grace; is a worker running and bound to migration.commands?";
                MigrationError error = new MigrationError(
                        MigrationErrorCode.TIMEOUT, message, MigrationErrorCode.TIMEOUT.hint(), null);
                outcome.announce(tenant.overdue(error, snapshot.now(), outcome.journal()));
            }
        }
    }
}
