package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.List;
import java.util.UUID;

/** A user joined a tenant (or its roles there changed). */
public record MembershipAdded(UUID tenantId, UUID userId, long version, List<String> roles) implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.membership-added.v1";

    public MembershipAdded {
        field(tenantId, "tenantId");
        field(userId, "userId");
        roles = roles == null ? List.of() : List.copyOf(roles);
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
        return "membership.added";
    }
}
