package dev.tenantfleet.model.tenant;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/**
 * A tenant moved from one status to another.
 *
 * @param actor  who asked for it (token subject or {@code system})
 * @param reason why, as given by the actor
 */
public record TenantStatusChanged(
        UUID tenantId, String slug, TenantStatus from, TenantStatus to, String actor, String reason)
        implements TenantEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.tenant.status-changed.v1";

    public TenantStatusChanged {
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(from, "from");
        field(to, "to");
        field(actor, "actor");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "status-changed";
    }
}
