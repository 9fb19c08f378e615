package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/** Rolling the release back on this tenant failed; the tenant is unchanged (the rollback is one transaction). */
public record TenantRollbackFailed(
        UUID commandId,
        UUID tenantId,
        String slug,
        MigrationPurpose purpose,
        UUID releaseId,
        MigrationError error,
        String headAfter,
        List<String> appliedChangeSets,
        long durationMillis,
        String changelogDigest,
        Integer deliveryAttempt)
        implements MigrationResult {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.migration.tenant-rollback-failed.v1";

    public TenantRollbackFailed {
        field(commandId, "commandId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(purpose, "purpose");
        field(releaseId, "releaseId");
        field(error, "error");
        appliedChangeSets = List.copyOf(field(appliedChangeSets, "appliedChangeSets"));
        field(changelogDigest, "changelogDigest");
        deliveryAttempt = deliveryAttempt == null || deliveryAttempt < 1 ? 1 : deliveryAttempt;
    }

    /** A result of the first delivery of its command (what results said before {@code deliveryAttempt} existed). */
    public TenantRollbackFailed(
            UUID commandId,
            UUID tenantId,
            String slug,
            MigrationPurpose purpose,
            UUID releaseId,
            MigrationError error,
            String headAfter,
            List<String> appliedChangeSets,
            long durationMillis,
            String changelogDigest) {
        this(
                commandId,
                tenantId,
                slug,
                purpose,
                releaseId,
                error,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                1);
    }

    @Override
    public TenantRollbackFailed withDeliveryAttempt(int attempt) {
        return new TenantRollbackFailed(
                commandId,
                tenantId,
                slug,
                purpose,
                releaseId,
                error,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                attempt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "rollback-failed";
    }
}
