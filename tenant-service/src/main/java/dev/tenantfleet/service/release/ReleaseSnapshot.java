package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All a release step decides from: the release and its tenants (entities read under the release's row lock, plain
 * objects to the step), its spec, the registry status of each of its tenants, the concurrency cap of each database
 * server it touches, and the time. Built by {@link ReleaseSnapshots} in production, by hand in unit tests.
 *
 * @param tenantStatuses registry status by tenant id (the read-only gate and the skip rule read it)
 * @param serverCaps     tenants that may migrate at once on each server, by server id; a server missing here gets 1
 */
record ReleaseSnapshot(
        Release release,
        List<ReleaseTenant> tenants,
        ReleaseSpec spec,
        Map<UUID, TenantStatus> tenantStatuses,
        Map<UUID, Integer> serverCaps,
        Instant now) {
    ReleaseSnapshot {
        tenants = List.copyOf(tenants);
        tenantStatuses = Map.copyOf(tenantStatuses);
        serverCaps = Map.copyOf(serverCaps);
    }

    /** The cap on one server: the spec's {@code serverConcurrency} when set, else the server's own cap. */
    int capOf(UUID serverId) {
        return spec.serverConcurrency() != null ? spec.serverConcurrency() : serverCaps.getOrDefault(serverId, 1);
    }
}
