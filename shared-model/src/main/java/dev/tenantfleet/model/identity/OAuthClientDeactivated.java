package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/** A tenant's OAuth client was deactivated: everything cached for the tenant is invalid. */
public record OAuthClientDeactivated(UUID tenantId, UUID clientId, long version) implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.oauth-client-deactivated.v1";

    public OAuthClientDeactivated {
        field(tenantId, "tenantId");
        field(clientId, "clientId");
        if (version < 1) {
            throw new IllegalArgumentException("'version' must be >= 1");
        }
    }

    @Override
    public String entity() {
        return "oauth-client:" + tenantId + ":" + clientId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String routingSuffix() {
        return "oauth-client.deactivated";
    }
}
