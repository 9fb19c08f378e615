package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A release as the API shows it; {@code tenants} is left out of list views. {@code rollbackStartedAt} is when it began
 * to roll back (null if it never did), so a rollback can be timed apart from the release it undoes.
 */
public record ReleaseView(
        UUID id,
        String targetTag,
        String changelogDigest,
        ReleaseStatus status,
        String reason,
        String requestedBy,
        ReleaseSpec spec,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant rollbackStartedAt,
        int cohort,
        int cohorts,
        ReleaseCounts counts,
        List<ReleaseTenantView> tenants) {

    static ReleaseView of(Release release, boolean withTenants) {
        List<ReleaseTenant> tenants = ReleaseTenant.of(release.id);
        return new ReleaseView(
                release.id,
                release.targetTag,
                release.changelogDigest,
                release.status,
                release.reason,
                release.requestedBy,
                release.spec(),
                release.createdAt,
                release.startedAt,
                release.finishedAt,
                release.rollbackStartedAt,
                release.currentCohort,
                release.cohorts,
                ReleaseCountsOf.of(tenants),
                withTenants ? tenants.stream().map(ReleaseTenantView::of).toList() : null);
    }
}
