package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/** A user was deleted. */
public record UserDeleted(UUID userId, UUID tenantId, long version) implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.user-deleted.v1";

    public UserDeleted {
        field(userId, "userId");
        if (version < 1) {
            throw new IllegalArgumentException("'version' must be >= 1");
        }
    }

    @Override
    public String entity() {
        return "user:" + userId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String routingSuffix() {
        return "user.deleted";
    }
}
