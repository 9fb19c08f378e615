package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/** The tenant database reached the commanded target. An empty {@code appliedChangeSets} means it already was there. */
public record TenantMigrated(
        UUID commandId,
        UUID tenantId,
        String slug,
        MigrationPurpose purpose,
        String headBefore,
        String headAfter,
        List<String> appliedChangeSets,
        long durationMillis,
        String changelogDigest,
        UUID releaseId,
        Integer deliveryAttempt)
        implements MigrationResult {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.migration.tenant-migrated.v1";

    public TenantMigrated {
        field(commandId, "commandId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(purpose, "purpose");
        appliedChangeSets = List.copyOf(field(appliedChangeSets, "appliedChangeSets"));
        field(changelogDigest, "changelogDigest");
        deliveryAttempt = deliveryAttempt == null || deliveryAttempt < 1 ? 1 : deliveryAttempt;
    }

    /** A result outside any release. */
    public TenantMigrated(
            UUID commandId,
            UUID tenantId,
            String slug,
            MigrationPurpose purpose,
            String headBefore,
            String headAfter,
            List<String> appliedChangeSets,
            long durationMillis,
            String changelogDigest) {
        this(
                commandId,
                tenantId,
                slug,
                purpose,
                headBefore,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                null);
    }

    /** A result of the first delivery of its command (what results said before {@code deliveryAttempt} existed). */
    public TenantMigrated(
            UUID commandId,
            UUID tenantId,
            String slug,
            MigrationPurpose purpose,
            String headBefore,
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
                headBefore,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                releaseId,
                1);
    }

    @Override
    public TenantMigrated withDeliveryAttempt(int attempt) {
        return new TenantMigrated(
                commandId,
                tenantId,
                slug,
                purpose,
                headBefore,
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
        return "migrated";
    }
}
