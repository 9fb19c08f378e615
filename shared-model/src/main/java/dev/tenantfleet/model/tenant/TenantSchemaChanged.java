package dev.tenantfleet.model.tenant;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/**
 * A tenant's schema moved to another changelog tag (a release migrated or rolled it back), so a router
 * can switch the tenant to the matching application version the moment its schema is ready.
 *
 * @param fromHead  the tag before
 * @param toHead    the tag now
 * @param releaseId the release that moved it
 */
public record TenantSchemaChanged(UUID tenantId, String slug, String fromHead, String toHead, UUID releaseId)
        implements TenantEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.tenant.schema-changed.v1";

    public TenantSchemaChanged {
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(toHead, "toHead");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "schema-changed";
    }
}
