package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/** The release's changesets were rolled back on this tenant; {@code appliedChangeSets} lists them, newest first. */
public record TenantRolledBack(UUID commandId, UUID tenantId, String slug, MigrationPurpose purpose, UUID releaseId,
        String headBefore, String headAfter, List<String> appliedChangeSets, long durationMillis, String changelogDigest)
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
