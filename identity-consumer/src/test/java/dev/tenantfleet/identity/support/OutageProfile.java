package dev.tenantfleet.identity.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The consumer against a private redis-server that the test takes down and brings back. */
public class OutageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivateRedis.class));
    }
}
