package dev.tenantfleet.identity.tenantstatus;

import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.cache.TenantStatusMirror;
import dev.tenantfleet.identity.event.Outcome;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.tenant.TenantAdopted;
import dev.tenantfleet.model.tenant.TenantDeactivated;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.model.tenant.TenantProvisioned;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Mirrors tenant statuses into Redis ({@code <prefix>:tenant-status:<tenant-id>}): status-changed sets its {@code to},
 * provisioned sets ACTIVE, deactivated sets DEACTIVATED, ordered by the event's time (an older event never overwrites
 * a newer one). Other tenant events change no status and are ignored.
 */
@ApplicationScoped
public class TenantStatusHandler {
    private final TenantStatusMirror mirror;
    private final IdentityMetrics metrics;

    public TenantStatusHandler(IdentityCaches caches, IdentityMetrics metrics) {
        this.mirror = caches.tenantStatus();
        this.metrics = metrics;
    }

    /** Mirrors the status {@code event} sets, if it sets one and is the newest seen; empty when it sets none. */
    public Optional<Outcome> handle(CloudEvent<TenantEvent> event) {
        Optional<TenantStatus> status = statusSetBy(event.data());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        String type = "tenant." + event.data().shortType();
        if (mirror.record(event.data().tenantId(), status.get(), event.time(), event.id())) {
            metrics.applied(type, event.time());
            return Optional.of(Outcome.APPLIED);
        }
        metrics.ignoredStale(type);
        return Optional.of(Outcome.IGNORED_STALE);
    }

    static Optional<TenantStatus> statusSetBy(TenantEvent event) {
        if (event instanceof TenantStatusChanged changed) {
            return Optional.of(changed.to());
        }
        if (event instanceof TenantProvisioned) {
            return Optional.of(TenantStatus.ACTIVE);
        }
        if (event instanceof TenantDeactivated) {
            return Optional.of(TenantStatus.DEACTIVATED);
        }
        if (event instanceof TenantAdopted adopted) {
            return Optional.of(adopted.status());
        }
        return Optional.empty();
    }
}
