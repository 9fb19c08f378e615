package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Which worker results count: only the first result of the command a tenant waits for, while its release is still
 * going. A second result for the same command (a redelivered command that ran again, a re-sent result), a result
 * for a tenant already failed as overdue, or one for a finished release changes nothing.
 */
final class ResultRule {
    private ResultRule() {}

    /** Settles {@code tenant} with {@code result} when it counts, returning the event to announce. */
    static Optional<ReleaseTenantUpdated> apply(
            Release release,
            ReleaseTenant tenant,
            MigrationResult result,
            Instant now,
            LongSupplier migratedSeq,
            ReleaseJournal journal) {
        if (release.status.terminal() || !tenant.awaits(result)) {
            return Optional.empty();
        }
        return Optional.of(tenant.settled(result, now, migratedSeq, journal));
    }
}
