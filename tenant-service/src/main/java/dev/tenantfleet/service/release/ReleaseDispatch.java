package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.server.DatabaseServer;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts the next tenants of a release within its caps: at most {@code concurrency} tenants in flight fleet-wide
 * and at most the server cap per database server ({@code serverConcurrency}, or each server's own cap).
 */
@ApplicationScoped
class ReleaseDispatch {
    private static final Logger LOG = Logger.getLogger(ReleaseDispatch.class);

    private final TenantDispatcher dispatcher;
    private final ReleaseAnnouncer announcer;

    ReleaseDispatch(TenantDispatcher dispatcher, ReleaseAnnouncer announcer) {
        this.dispatcher = dispatcher;
        this.announcer = announcer;
    }

    void migrations(Release release, ReleaseSpec spec, List<ReleaseTenant> all, List<ReleaseTenant> candidates) {
        Slots slots = new Slots(spec, all);
        for (ReleaseTenant candidate : candidates) {
            if (!slots.fleetHasRoom()) {
                return;
            }
            if (!slots.serverHasRoom(candidate.serverId)) {
                continue;
            }
            Tenant tenant = Tenant.findById(candidate.tenantId);
            if (!spec.statuses().contains(tenant.status) && candidate.gatedFrom == null) {
                skip(candidate, tenant);
                continue;
            }
            dispatcher.migrate(release, spec, candidate);
            slots.take(candidate.serverId);
        }
    }

    void rollbacks(Release release, ReleaseSpec spec, List<ReleaseTenant> all, List<ReleaseTenant> candidates) {
        Slots slots = new Slots(spec, all);
        for (ReleaseTenant candidate : candidates) {
            if (!slots.fleetHasRoom()) {
                return;
            }
            if (slots.serverHasRoom(candidate.serverId)) {
                dispatcher.rollback(release, spec, candidate);
                slots.take(candidate.serverId);
            }
        }
    }

    /** A tenant suspended or deactivated since the release started is skipped, never failed: it must not block the deploy. */
    private void skip(ReleaseTenant candidate, Tenant tenant) {
        candidate.state = TenantReleaseState.SKIPPED;
        candidate.headAfter = candidate.headBefore;
        candidate.finishedAt = Instant.now();
        ReleaseLogEntry.append(candidate.releaseId, candidate.tenantId, candidate.slug, "SKIPPED",
                "status " + tenant.status + " is not targeted");
        announcer.tenantUpdated(candidate);
        try (TenantLogContext log = TenantLogContext.tenant(candidate.slug)) {
            LOG.infof("Tenant %s: SKIPPED, status %s is not targeted", candidate.slug, tenant.status);
        }
    }

    /** Free places in flight, fleet-wide and per server. */
    private static final class Slots {
        private final ReleaseSpec spec;
        private final Map<UUID, Integer> perServer = new HashMap<>();
        private final Map<UUID, Integer> caps = new HashMap<>();
        private int fleet;

        Slots(ReleaseSpec spec, List<ReleaseTenant> all) {
            this.spec = spec;
            for (ReleaseTenant tenant : all) {
                if (tenant.state == TenantReleaseState.MIGRATING || tenant.state == TenantReleaseState.ROLLING_BACK) {
                    take(tenant.serverId);
                }
            }
        }

        boolean fleetHasRoom() {
            return fleet < spec.concurrency();
        }

        boolean serverHasRoom(UUID serverId) {
            int cap = caps.computeIfAbsent(serverId, id -> spec.serverConcurrency() != null ? spec.serverConcurrency()
                    : DatabaseServer.<DatabaseServer>findByIdOptional(id).map(server -> server.concurrencyCap).orElse(1));
            return perServer.getOrDefault(serverId, 0) < cap;
        }

        void take(UUID serverId) {
            fleet++;
            perServer.merge(serverId, 1, Integer::sum);
        }
    }
}
