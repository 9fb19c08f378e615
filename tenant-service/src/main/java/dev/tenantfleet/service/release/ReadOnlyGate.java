package dev.tenantfleet.service.release;

import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The read-only gate: an ACTIVE tenant goes READ_ONLY while its cohort migrates and returns to ACTIVE afterwards,
 * whatever the outcome, each move audited and announced like any status change. A tenant an operator moved
 * meanwhile (say, SUSPENDED) is left as the operator set it.
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
    void close(ReleaseTenant releaseTenant) {
        Tenant tenant = Tenant.findById(releaseTenant.tenantId);
        if (releaseTenant.gatedFrom != null || tenant.status != TenantStatus.ACTIVE) {
            return;
        }
        move(tenant, TenantStatus.READ_ONLY, releaseTenant, "read-only gate: schema migration in progress");
        releaseTenant.gatedFrom = TenantStatus.ACTIVE;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void open(ReleaseTenant releaseTenant) {
        if (releaseTenant.gatedFrom == null) {
            return;
        }
        Tenant tenant = Tenant.findById(releaseTenant.tenantId);
        if (tenant.status == TenantStatus.READ_ONLY) {
            move(tenant, releaseTenant.gatedFrom, releaseTenant, "read-only gate: migration finished ("
                    + releaseTenant.state + ")");
        }
        releaseTenant.gatedFrom = null;
    }

    private void move(Tenant tenant, TenantStatus target, ReleaseTenant releaseTenant, String reason) {
        TenantStatus from = tenant.status;
        String actor = "release " + releaseTenant.releaseId;
        tenant.moveTo(target);
        audit.record(tenant.id, actor, AuditAction.STATUS_CHANGED, from, target, reason, null);
        outbox.add(new TenantStatusChanged(tenant.id, tenant.slug, from, target, actor, reason));
        try (TenantLogContext log = TenantLogContext.tenant(tenant.slug)) {
            LOG.infof("Tenant %s: %s -> %s, %s", tenant.slug, from, target, reason);
        }
    }
}
