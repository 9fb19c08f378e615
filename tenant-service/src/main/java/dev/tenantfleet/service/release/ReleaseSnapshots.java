package dev.tenantfleet.service.release;

import dev.tenantfleet.model.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what a release step decides from, in the caller's transaction (which holds the release's row lock). The
 * registry statuses and server caps are read by a subquery on the release's tenants, not by listing their ids: a
 * release may hold more tenants than a statement may have parameters.
 */
@ApplicationScoped
class ReleaseSnapshots {
    private final EntityManager entityManager;

    ReleaseSnapshots(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ReleaseSnapshot of(Release release, List<ReleaseTenant> tenants, Instant now) {
        // projections, not entities: a tick must not load (and dirty-check) every tenant of a large release
        Map<UUID, TenantStatus> statuses = new HashMap<>();
        entityManager
                .createQuery(
                        "select t.id, t.status from Tenant t where t.id in "
                                + "(select r.tenantId from ReleaseTenant r where r.releaseId = :release)",
                        Object[].class)
                .setParameter("release", release.id)
                .getResultList()
                .forEach(row -> statuses.put((UUID) row[0], (TenantStatus) row[1]));
        Map<UUID, Integer> caps = new HashMap<>();
        entityManager
                .createQuery(
                        "select s.id, s.concurrencyCap from DatabaseServer s where s.id in "
                                + "(select r.serverId from ReleaseTenant r where r.releaseId = :release)",
                        Object[].class)
                .setParameter("release", release.id)
                .getResultList()
                .forEach(row -> caps.put((UUID) row[0], (Integer) row[1]));
        return new ReleaseSnapshot(release, tenants, release.spec(), statuses, caps, now);
    }
}
