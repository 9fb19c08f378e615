package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/** A user can no longer sign in: cached views and token payloads must go at once. */
public record UserDeactivated(UUID userId, UUID tenantId, long version) implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.user-deactivated.v1";

    public UserDeactivated {
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
        return "user.deactivated";
    }
}
