package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/** A user was created (in {@code tenantId} when it was created for one tenant). */
public record UserCreated(UUID userId, UUID tenantId, long version, String email, String status)
        implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.user-created.v1";

    public UserCreated {
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
        return "user.created";
    }
}
