package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/** A user changed (profile, roles): every cached view of the user must be refreshed. */
public record UserUpdated(UUID userId, UUID tenantId, long version) implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.user-updated.v1";

    public UserUpdated {
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
        return "user.updated";
    }
}
