package dev.tenantfleet.model.release;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.migration.MigrationError;
import java.util.UUID;

/**
 * One tenant of a release changed state.
 *
 * @param cohort     0-based cohort index
 * @param headBefore the tenant's head when the release started
 * @param headAfter  its head now (null when unknown)
 * @param error      why it failed, for FAILED and ROLLBACK_FAILED
 */
public record ReleaseTenantUpdated(
        UUID releaseId,
        UUID tenantId,
        String slug,
        int cohort,
        TenantReleaseState state,
        String headBefore,
        String headAfter,
        MigrationError error,
        Long durationMillis)
        implements ReleaseEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.release.tenant-updated.v1";

    public ReleaseTenantUpdated {
        field(releaseId, "releaseId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(state, "state");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String routingSuffix() {
        return "tenant." + state.name().toLowerCase().replace('_', '-');
    }
}
