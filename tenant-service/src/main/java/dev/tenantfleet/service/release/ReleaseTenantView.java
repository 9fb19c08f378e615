package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.util.List;
import java.util.UUID;

/** One tenant of a release as the API shows it. */
public record ReleaseTenantView(
        UUID tenantId,
        String slug,
        int cohort,
        TenantReleaseState state,
        String headBefore,
        String headAfter,
        Long durationMillis,
        int attempts,
        List<String> appliedChangeSets,
        MigrationError error) {
    static ReleaseTenantView of(ReleaseTenant tenant) {
        return new ReleaseTenantView(
                tenant.tenantId,
                tenant.slug,
                tenant.cohort,
                tenant.state,
                tenant.headBefore,
                tenant.headAfter,
                tenant.durationMillis,
                tenant.attempts,
                tenant.applied(),
                tenant.error());
    }
}
