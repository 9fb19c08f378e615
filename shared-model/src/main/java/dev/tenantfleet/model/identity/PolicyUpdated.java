package dev.tenantfleet.model.identity;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/** A tenant's policy changed: that tenant's cached policies are invalid. */
public record PolicyUpdated(UUID tenantId, UUID policyId, long version) implements IdentityEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.identity.policy-updated.v1";

    public PolicyUpdated {
        field(tenantId, "tenantId");
        field(policyId, "policyId");
        if (version < 1) {
            throw new IllegalArgumentException("'version' must be >= 1");
        }
    }

    @Override
    public String entity() {
        return "policy:" + tenantId + ":" + policyId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String routingSuffix() {
        return "policy.updated";
    }
}
