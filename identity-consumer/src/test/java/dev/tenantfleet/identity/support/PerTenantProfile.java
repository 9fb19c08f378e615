package dev.tenantfleet.identity.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** The consumer deployed for one (random) tenant: TENANT_ID set, so its queues and bindings are that tenant's. */
public class PerTenantProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("TENANT_ID", UUID.randomUUID().toString());
    }
}
