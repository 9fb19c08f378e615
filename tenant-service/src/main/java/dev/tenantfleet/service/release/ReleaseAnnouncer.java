package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseProgressed;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.service.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Puts release events in the outbox, in the transaction of the change they announce. */
@ApplicationScoped
class ReleaseAnnouncer {
    private final Outbox outbox;
    private final Event<ReleaseFinished> finished;

    ReleaseAnnouncer(Outbox outbox, Event<ReleaseFinished> finished) {
        this.outbox = outbox;
        this.finished = finished;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void tenantUpdated(ReleaseTenant tenant) {
        outbox.add(new ReleaseTenantUpdated(tenant.releaseId, tenant.tenantId, tenant.slug, tenant.cohort, tenant.state,
                tenant.headBefore, tenant.headAfter, tenant.error(), tenant.durationMillis));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void progressed(Release release, List<ReleaseTenant> tenants) {
        outbox.add(new ReleaseProgressed(release.id, release.targetTag, release.status, release.currentCohort,
                release.cohorts, ReleaseCountsOf.of(tenants)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void completed(Release release, List<ReleaseTenant> tenants) {
        List<String> failed = tenants.stream().filter(tenant -> tenant.state == TenantReleaseState.FAILED
                || tenant.state == TenantReleaseState.ROLLBACK_FAILED).map(tenant -> tenant.slug).toList();
        Instant started = release.startedAt != null ? release.startedAt : release.createdAt;
        outbox.add(new ReleaseCompleted(release.id, release.targetTag, release.status, ReleaseCountsOf.of(tenants),
                Duration.between(started, release.finishedAt).toMillis(), failed, release.reason));
        finished.fire(new ReleaseFinished(release.id, release.status));
    }
}
