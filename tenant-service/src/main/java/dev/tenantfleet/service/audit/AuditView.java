package dev.tenantfleet.service.audit;

import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Instant;

/** An audit row as the API shows it. */
public record AuditView(
        Instant at,
        String actor,
        String action,
        TenantStatus fromStatus,
        TenantStatus toStatus,
        String reason,
        String details) {
    /** The view of one row. */
    public static AuditView of(AuditEntry entry) {
        return new AuditView(
                entry.at, entry.actor, entry.action, entry.fromStatus, entry.toStatus, entry.reason, entry.details);
    }
}
