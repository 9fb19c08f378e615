package dev.tenantfleet.model.tenant;

import static dev.tenantfleet.model.envelope.Required.field;

import java.time.Instant;
import java.util.UUID;

/** A tenant was deactivated: it serves nothing any more, its database is kept. */
public record TenantDeactivated(
        UUID tenantId, String slug, TenantStatus previousStatus, String actor, String reason, Instant deactivatedAt)
        implements TenantEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.tenant.deactivated.v1";

    public TenantDeactivated {
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(previousStatus, "previousStatus");
        field(actor, "actor");
        field(deactivatedAt, "deactivatedAt");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "deactivated";
    }
}
