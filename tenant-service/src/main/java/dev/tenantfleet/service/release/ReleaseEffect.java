package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.model.tenant.TenantStatus;

/** What a release step asks the world to do, in order, within the transaction that stores the step. */
sealed interface ReleaseEffect {
    /** Put a release event in the outbox. */
    record Announce(ReleaseEvent event) implements ReleaseEffect {}

    /** Send the migrate-tenant command the tenant now waits for ({@link ReleaseTenant#commandId}). */
    record Migrate(ReleaseTenant tenant) implements ReleaseEffect {}

    /** Send the rollback-tenant command the tenant now waits for, with exactly what the release applied to it. */
    record RollBack(ReleaseTenant tenant) implements ReleaseEffect {}

    /** The read-only gate moves the tenant's registry status (audited and announced like any status change). */
    record MoveStatus(ReleaseTenant tenant, TenantStatus from, TenantStatus to, String reason)
            implements ReleaseEffect {}
}
