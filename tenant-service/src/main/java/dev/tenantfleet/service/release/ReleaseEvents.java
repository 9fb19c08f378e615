package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseProgressed;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The release-wide events: where a release stands, and how it ended. */
final class ReleaseEvents {
    private ReleaseEvents() {}

    static ReleaseProgressed progressed(Release release, List<ReleaseTenant> tenants) {
        return new ReleaseProgressed(
                release.id,
                release.targetTag,
                release.status,
                release.currentCohort,
                release.cohorts,
                ReleaseCountsOf.of(tenants));
    }

    static ReleaseCompleted completed(Release release, List<ReleaseTenant> tenants) {
        List<String> failed = tenants.stream()
                .filter(tenant ->
                        tenant.state == TenantReleaseState.FAILED || tenant.state == TenantReleaseState.ROLLBACK_FAILED)
                .map(tenant -> tenant.slug)
                .toList();
        Instant started = release.startedAt != null ? release.startedAt : release.createdAt;
        return new ReleaseCompleted(
                release.id,
                release.targetTag,
                release.status,
                ReleaseCountsOf.of(tenants),
                Duration.between(started, release.finishedAt).toMillis(),
                failed,
                release.reason);
    }
}
