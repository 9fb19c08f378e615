package dev.tenantfleet.service.audit;

import dev.tenantfleet.model.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes audit rows inside the caller's transaction, so the row commits with the change it records. */
@ApplicationScoped
public class AuditLog {

    /** Records an act; {@code from}/{@code to} are null when the status did not change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            UUID tenantId,
            String actor,
            AuditAction action,
            TenantStatus from,
            TenantStatus to,
            String reason,
            String details) {
        AuditEntry entry = new AuditEntry();
        entry.tenantId = tenantId;
        entry.actor = actor;
        entry.action = action.name();
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.reason = reason;
        entry.details = details;
        entry.at = Instant.now();
        entry.persist();
    }

    /** A tenant's audit trail, oldest first. */
    public List<AuditEntry> trailOf(UUID tenantId) {
        return AuditEntry.list("tenantId = ?1 order by id", tenantId);
    }
}
