package dev.tenantfleet.worker.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.SchemaAhead;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.worker.support.RawSqlChangelogProfile;
import dev.tenantfleet.worker.support.TestTenants;
import dev.tenantfleet.worker.support.TestTenants.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drift named as drift: a raw-SQL upgrade script (a sqlFile changeset) applied to a tenant by hand with psql makes the
 * release fail on its first statement, a unique violation on the row it inserts into the schema log; the worker
 * reports SCHEMA_DRIFT naming the changeset and the objects that already exist, not a data error.
 */
@QuarkusTest
@TestProfile(RawSqlChangelogProfile.class)
class SchemaDriftTest {
    private static final String UPGRADE = "raw-sql-changelog/db.changelog-master.xml::upgrade-2.1::product";

    @RegisterExtension
    final TestTenants tenants = new TestTenants();

    @Test
    void shouldReportSchemaDriftWhenAnUpgradeScriptWasAppliedByHand() throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "2.0", null, null), TenantMigrated.class);
        runAsOwner(tenant, script("raw-sql-changelog/upgrades/upgrade-2.1.sql"));

        TenantMigrationFailed failed =
                tenants.send(tenant, tenants.migrate(tenant, "2.1", null, null), TenantMigrationFailed.class);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.SCHEMA_DRIFT);
        assertThat(failed.error().changeSet()).isEqualTo(UPGRADE);
        assertThat(failed.error().message())
                .contains(UPGRADE, "column items.state", "index idx_items_state", "view open_items", "duplicate key");
        assertThat(failed.error().hint()).isEqualTo(SchemaAhead.HINT).contains("changelog-sync");
        assertThat(failed.headAfter()).isEqualTo("2.0");
    }

    @Test
    void shouldKeepAUniqueViolationADataErrorWhenNoneOfThePendingObjectsExist() throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "2.0", null, null), TenantMigrated.class);
        runAsOwner(tenant, "INSERT INTO schema_log (version) VALUES ('2.1')");

        TenantMigrationFailed failed =
                tenants.send(tenant, tenants.migrate(tenant, "2.1", null, null), TenantMigrationFailed.class);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.CHANGESET_SQL_ERROR);
        assertThat(failed.error().changeSet()).isEqualTo(UPGRADE);
    }

    private static void runAsOwner(TestTenant tenant, String sql) throws Exception {
        try (Connection connection = tenant.db().owner();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String script(String resource) throws Exception {
        try (InputStream in = SchemaDriftTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
