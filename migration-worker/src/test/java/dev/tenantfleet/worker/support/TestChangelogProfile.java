package dev.tenantfleet.worker.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the worker with the test changelog (src/test/resources/test-changelog): non-transactional and broken releases. */
public class TestChangelogProfile implements QuarkusTestProfile {
    /** Where the test changelog is. */
    public static final String LOCATION = "classpath:test-changelog/db.changelog-master.xml";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tenantfleet.changelog.location", LOCATION);
    }
}
