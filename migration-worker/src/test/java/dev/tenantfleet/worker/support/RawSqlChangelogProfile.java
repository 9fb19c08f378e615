package dev.tenantfleet.worker.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the worker with a raw-SQL changelog (src/test/resources/raw-sql-changelog): upgrade scripts as sqlFile changesets. */
public class RawSqlChangelogProfile implements QuarkusTestProfile {
    /** Where the raw-SQL changelog is. */
    public static final String LOCATION = "classpath:raw-sql-changelog/db.changelog-master.xml";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tenantfleet.changelog.location", LOCATION);
    }
}
