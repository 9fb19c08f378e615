package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/**
 * The tenant database did not reach the target. {@code appliedChangeSets} lists what did commit before the
 * failure (the partial result) and {@code headAfter} where the database stands now.
 */
public record TenantMigrationFailed(
        UUID commandId,
        UUID tenantId,
        String slug,
        MigrationPurpose purpose,
        MigrationError error,
        String headAfter,
        List<String> appliedChangeSets,
        long durationMillis,
        String changelogDigest,
        UUID releaseId,
        Integer deliveryAttempt)
        implements MigrationResult {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.migration.tenant-migration-failed.v1";

    public TenantMigrationFailed {
        field(commandId, "commandId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(purpose, "purpose");
        field(error, "error");
        appliedChangeSets = List.copyOf(field(appliedChangeSets, "appliedChangeSets"));
        field(changelogDigest, "changelogDigest");
        deliveryAttempt = deliveryAttempt == null || deliveryAttempt < 1 ? 1 : deliveryAttempt;
    }

    /** A result outside any release. */
    public TenantMigrationFailed(
            UUID commandId,
            UUID tenantId,
            String slug,
            MigrationPurpose purpose,
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
                error,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                null);
    }

    /** A result of the first delivery of its command (what results said before {@code deliveryAttempt} existed). */
    public TenantMigrationFailed(
            UUID commandId,
            UUID tenantId,
            String slug,
            MigrationPurpose purpose,
            MigrationError error,
            String headAfter,
            List<String> appliedChangeSets,
            long durationMillis,
            String changelogDigest,
            UUID releaseId) {
        this(
                commandId,
                tenantId,
                slug,
                purpose,
                error,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                releaseId,
                1);
    }

    @Override
    public TenantMigrationFailed withDeliveryAttempt(int attempt) {
        return new TenantMigrationFailed(
                commandId,
                tenantId,
                slug,
                purpose,
                error,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                releaseId,
                attempt);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "migration-failed";
    }
}
