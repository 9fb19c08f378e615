package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.TenantReleaseState;
import java.time.Instant;

/** Adds the tenants the preflight decided on to a new release, each in the state its decision gives. */
final class ReleaseTenants {
    private ReleaseTenants() {}

    /** Adds the tenant and returns it. */
    static ReleaseTenant add(Release release, Target target, int cohort, int position) {
        ReleaseTenant tenant = new ReleaseTenant();
        tenant.releaseId = release.id;
        tenant.tenantId = target.tenant().id;
        tenant.slug = target.tenant().slug;
        tenant.serverId = target.tenant().server.id;
        tenant.cohort = cohort;
        tenant.position = position;
        tenant.state = stateOf(target.outcome());
        tenant.headBefore = target.databaseHead();
        correctCachedHead(release, target);
        if (tenant.state != TenantReleaseState.PENDING) {
            tenant.headAfter = target.databaseHead();
            tenant.finishedAt = Instant.now();
            tenant.errorJson = target.error() == null ? null : ReleaseJson.write(target.error());
            ReleaseLogEntry.append(
                    release.id,
                    tenant.tenantId,
                    tenant.slug,
                    tenant.state.name(),
                    target.error() == null ? target.reason() : target.error().code() + ": " + target.reason());
        }
        tenant.persist();
        return tenant;
    }

    /** The database wins: the registry's head is corrected, and the release log says so. */
    private static void correctCachedHead(Release release, Target target) {
        if (!target.headCorrected()) {
            return;
        }
        String cached = target.tenant().schemaHead;
        ReleaseLogEntry.append(
                release.id,
                target.tenant().id,
                target.tenant().slug,
                "HEAD_CORRECTED",
                "cached head " + cached + ", database at " + target.databaseHead() + ": " + doing(target.outcome()));
        target.tenant().schemaHead = target.databaseHead();
        target.tenant().updatedAt = Instant.now();
    }

    private static String doing(Target.Outcome outcome) {
        return switch (outcome) {
            case MIGRATE -> "migrating";
            case SKIP -> "skipped";
            case AHEAD -> "ahead, untouched";
            case FAIL -> "failed";
        };
    }

    private static TenantReleaseState stateOf(Target.Outcome outcome) {
        return switch (outcome) {
            case MIGRATE -> TenantReleaseState.PENDING;
            case SKIP -> TenantReleaseState.SKIPPED;
            case AHEAD -> TenantReleaseState.AHEAD;
            case FAIL -> TenantReleaseState.FAILED;
        };
    }
}
