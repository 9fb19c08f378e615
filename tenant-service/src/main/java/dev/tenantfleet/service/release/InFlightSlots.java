package dev.tenantfleet.service.release;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Free places in flight for a release: at most {@code concurrency} tenants migrating or rolling back fleet-wide, and
 * at most the server cap per database server. Counted from the stored states, so a restarted service counts the
 * tenants already in flight before it starts any.
 */
final class InFlightSlots {
    private final ReleaseSnapshot snapshot;
    private final Map<UUID, Integer> perServer = new HashMap<>();
    private int fleet;

    InFlightSlots(ReleaseSnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.tenants().stream().filter(ReleaseTenant::inFlight).forEach(tenant -> take(tenant.serverId));
    }

    boolean fleetHasRoom() {
        return fleet < snapshot.spec().concurrency();
    }

    boolean serverHasRoom(UUID serverId) {
        return perServer.getOrDefault(serverId, 0) < snapshot.capOf(serverId);
    }

    void take(UUID serverId) {
        fleet++;
        perServer.merge(serverId, 1, Integer::sum);
    }
}
