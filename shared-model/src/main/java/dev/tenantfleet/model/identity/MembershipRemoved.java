package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/** A user left a tenant: its cached entries for that tenant go, and the tenant-side cleanup runs. */
public record MembershipRemoved(UUID tenantId, UUID userId, long version) implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.membership-removed.v1";

    public MembershipRemoved {
        field(tenantId, "tenantId");
        field(userId, "userId");
        if (version < 1) {
            throw new IllegalArgumentException("'version' must be >= 1");
        }
    }

    @Override
    public String entity() {
        return "membership:" + tenantId + ":" + userId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String routingSuffix() {
        return "membership.removed";
    }
}
