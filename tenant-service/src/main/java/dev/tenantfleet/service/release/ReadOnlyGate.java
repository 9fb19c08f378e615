package dev.tenantfleet.service.release;

import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Carries out the read-only gate's moves ({@link GateDecisions} decides them): the tenant's registry status changes,
 * audited (actor {@code release <id>}) and announced with status-changed like any status change.
 */
@ApplicationScoped
class ReadOnlyGate {
    private static final Logger LOG = Logger.getLogger(ReadOnlyGate.class);

    private final AuditLog audit;
    private final Outbox outbox;

    ReadOnlyGate(AuditLog audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void move(ReleaseEffect.MoveStatus move) {
        Tenant tenant = Tenant.findById(move.tenant().tenantId);
        if (tenant.status != move.from()) {
            return; // the snapshot was read under the release's lock in this transaction: only a bug gets here
        }
        TenantStatus from = tenant.status;
        String actor = "release " + move.tenant().releaseId;
        tenant.moveTo(move.to());
        audit.record(tenant.id, actor, AuditAction.STATUS_CHANGED, from, move.to(), move.reason(), null);
        outbox.add(new TenantStatusChanged(tenant.id, tenant.slug, from, move.to(), actor, move.reason()));
        try (TenantLogContext log = TenantLogContext.tenant(tenant.slug)) {
            LOG.infof("Tenant %s: %s -> %s, %s", tenant.slug, from, move.to(), move.reason());
        }
    }
}
