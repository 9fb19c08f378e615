package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/** The release's changesets were rolled back on this tenant; {@code appliedChangeSets} lists them, newest first. */
public record TenantRolledBack(
        UUID commandId,
        UUID tenantId,
        String slug,
        MigrationPurpose purpose,
        UUID releaseId,
        String headBefore,
        String headAfter,
        List<String> appliedChangeSets,
        long durationMillis,
        String changelogDigest,
        Integer deliveryAttempt)
        implements MigrationResult {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.migration.tenant-rolled-back.v1";

    public TenantRolledBack {
        field(commandId, "commandId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(purpose, "purpose");
        field(releaseId, "releaseId");
        appliedChangeSets = List.copyOf(field(appliedChangeSets, "appliedChangeSets"));
        field(changelogDigest, "changelogDigest");
        deliveryAttempt = deliveryAttempt == null || deliveryAttempt < 1 ? 1 : deliveryAttempt;
    }

    /** A result of the first delivery of its command (what results said before {@code deliveryAttempt} existed). */
    public TenantRolledBack(
            UUID commandId,
            UUID tenantId,
            String slug,
            MigrationPurpose purpose,
            UUID releaseId,
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
                releaseId,
                headBefore,
                headAfter,
                appliedChangeSets,
                durationMillis,
                changelogDigest,
                1);
    }

    @Override
    public TenantRolledBack withDeliveryAttempt(int attempt) {
        return new TenantRolledBack(
                commandId,
                tenantId,
                slug,
                purpose,
                releaseId,
                headBefore,
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
        return "rolled-back";
    }
}
