package dev.tenantfleet.service.release;

import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.server.DatabaseServer;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what a release step decides from, in the caller's transaction (which holds the release's row lock). The
 * registry statuses and server caps are read by joining the release's tenants, not by listing their ids: a release
 * may hold more tenants than a statement may have parameters.
 */
@ApplicationScoped
class ReleaseSnapshots {
    @Transactional(Transactional.TxType.MANDATORY)
    ReleaseSnapshot of(Release release, List<ReleaseTenant> tenants, Instant now) {
        Map<UUID, TenantStatus> statuses = new HashMap<>();
        Tenant.<Tenant>list("id in (select r.tenantId from ReleaseTenant r where r.releaseId = ?1)", release.id)
                .forEach(tenant -> statuses.put(tenant.id, tenant.status));
        Map<UUID, Integer> caps = new HashMap<>();
        DatabaseServer.<DatabaseServer>list("id in (select r.serverId from ReleaseTenant r where r.releaseId = ?1)",
                release.id).forEach(server -> caps.put(server.id, server.concurrencyCap));
        return new ReleaseSnapshot(release, tenants, release.spec(), statuses, caps, now);
    }
}
