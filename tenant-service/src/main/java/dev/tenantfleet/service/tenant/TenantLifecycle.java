package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.tenant.TenantDeactivated;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Operator-driven status changes. Each writes the change, its audit row and its event in one transaction. */
@ApplicationScoped
public class TenantLifecycle {
    private static final Logger LOG = Logger.getLogger(TenantLifecycle.class);

    private final TenantRegistry registry;
    private final AuditLog audit;
    private final Outbox outbox;

    TenantLifecycle(TenantRegistry registry, AuditLog audit, Outbox outbox) {
        this.registry = registry;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * Moves a tenant to ACTIVE, READ_ONLY or SUSPENDED. Asking for the status it already has changes nothing
     * (deploy scripts may repeat themselves); a move the lifecycle forbids is ILLEGAL_TRANSITION naming the
     * allowed targets.
     */
    @Transactional
    public Tenant changeStatus(String slug, TenantStatus target, String reason, String actor) {
        if (!TenantStatus.OPERATOR_SETTABLE.contains(target)) {
            throw new TenantFleetException(
                    TenantErrorCode.INVALID_REQUEST,
                    "status '" + target
                            + "' cannot be set here: use one of " + TenantStatus.OPERATOR_SETTABLE
                            + " (deactivate has its own endpoint, provisioning is driven by the service)");
        }
        Tenant tenant = registry.get(slug);
        TenantStatus from = tenant.status;
        if (from == target) {
            return tenant;
        }
        requireAllowed(tenant, target);
        tenant.moveTo(target);
        audit.record(tenant.id, actor, AuditAction.STATUS_CHANGED, from, target, reason, null);
        outbox.add(new TenantStatusChanged(tenant.id, tenant.slug, from, target, actor, reason));
        flushOrConflict(tenant);
        logChange(tenant.slug, from, target, actor);
        return tenant;
    }

    /** Deactivates a tenant: it serves nothing any more, its database and role are kept. */
    @Transactional
    public Tenant deactivate(String slug, String reason, String actor) {
        Tenant tenant = registry.get(slug);
        TenantStatus from = tenant.status;
        requireAllowed(tenant, TenantStatus.DEACTIVATED);
        tenant.moveTo(TenantStatus.DEACTIVATED);
        tenant.deactivatedAt = Instant.now();
        audit.record(tenant.id, actor, AuditAction.DEACTIVATED, from, TenantStatus.DEACTIVATED, reason, null);
        outbox.add(new TenantDeactivated(tenant.id, tenant.slug, from, actor, reason, tenant.deactivatedAt));
        flushOrConflict(tenant);
        logChange(tenant.slug, from, TenantStatus.DEACTIVATED, actor);
        return tenant;
    }

    /**
     * Writes the change now rather than at commit, so that a concurrent change of the same tenant (its version moved on
     * since we read it) is a CONCURRENT_MODIFICATION here, with the whole transaction rolled back, and not an
     * exception out of the commit that nothing maps.
     */
    private static void flushOrConflict(Tenant tenant) {
        try {
            Tenant.flush();
        } catch (OptimisticLockException e) {
            throw new TenantFleetException(
                    TenantErrorCode.CONCURRENT_MODIFICATION,
                    "tenant '" + tenant.slug
                            + "' was changed by another request at the same moment; this request changed nothing",
                    e);
        }
    }

    private static void logChange(String slug, TenantStatus from, TenantStatus to, String actor) {
        try (TenantLogContext log = TenantLogContext.tenant(slug)) {
            LOG.infof("Tenant %s: %s -> %s by %s", slug, from, to, actor);
        }
    }

    private static void requireAllowed(Tenant tenant, TenantStatus target) {
        if (!tenant.status.canMoveTo(target)) {
            String allowed = tenant.status.allowedTargets().stream()
                    .map(Enum::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new TenantFleetException(
                    TenantErrorCode.ILLEGAL_TRANSITION,
                    "tenant '" + tenant.slug + "' is "
                            + tenant.status + " and cannot move to " + target + "; allowed from " + tenant.status + ": "
                            + (allowed.isEmpty() ? "none" : allowed));
        }
    }
}
