package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/** Rolling the release back on this tenant failed; the tenant is unchanged (the rollback is one transaction). */
public record TenantRollbackFailed(UUID commandId, UUID tenantId, String slug, MigrationPurpose purpose, UUID releaseId,
        MigrationError error, String headAfter, List<String> appliedChangeSets, long durationMillis,
        String changelogDigest) implements MigrationResult {
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
