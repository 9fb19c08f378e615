package dev.tenantfleet.worker.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.BlockingSession;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.worker.support.TestTenants;
import dev.tenantfleet.worker.support.TestTenants.TestTenant;
import dev.tenantfleet.worker.tenantdb.guard.AdvisoryLock;
import dev.tenantfleet.worker.tenantdb.session.TenantDatabaseConnector;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-tenant timeout against a real blocking session on a real tenant database (example CRM changelog). */
@QuarkusTest
class TimeoutTest {
    private static final String ADD_FULL_NAME =
            "crm-changelog/releases/v1.4.xml::v1.4-001-add-contacts-full-name" + "::tenant-fleet";

    @ConfigProperty(name = "tenantfleet.migration.lock-wait")
    Duration lockWait;

    @RegisterExtension
    final TestTenants tenants = new TestTenants();

    @Test
    void aTimeoutCancelsTheMigrationOnTheServerNamesTheBlockingSessionLeavesTheOldHeadAndFreesTheLock()
            throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "v1.3", null, null), TenantMigrated.class);
        List<String> history = tenant.db().history();
        MigrateTenant toV14 = tenants.migrate(tenant, "v1.4", 2, null);
        TenantMigrationFailed failed;
        try (Connection app = tenant.db().owner();
                Statement statement = app.createStatement()) {
            // An application session reading contacts in an open transaction: v1.4 must ALTER contacts and waits.
            int blockerPid = pid(statement);
            app.setAutoCommit(false);
            statement.executeQuery("SELECT count(*) FROM contacts").close();

            failed = tenants.send(tenant, toV14, TenantMigrationFailed.class);

            assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.TIMEOUT);
            assertThat(failed.error().changeSet()).isEqualTo(ADD_FULL_NAME);
            assertThat(failed.error().message()).contains("2 s").contains(Integer.toString(blockerPid));
            BlockingSession blocker = failed.error().blockingSessions().get(0);
            assertThat(failed.error().blockingSessions()).hasSize(1);
            assertThat(blocker.pid()).isEqualTo(blockerPid);
            assertThat(blocker.user()).isEqualTo(tenant.db().role());
            assertThat(blocker.applicationName()).isEqualTo("migration-worker-test-app");
            assertThat(blocker.state()).isEqualTo("idle in transaction");
            assertThat(blocker.query()).contains("contacts");
            assertThat(blocker.transactionStart()).isNotNull();
            assertThat(failed.durationMillis()).isGreaterThanOrEqualTo(2000);
            // The session-scoped advisory lock went with the worker's session, while the blocker still holds contacts.
            try (Connection other = tenant.db().admin()) {
                assertThat(AdvisoryLock.tryAcquire(other)).isTrue();
                assertThat(AdvisoryLock.release(other)).isTrue();
            }
        }
        assertThat(failed.headAfter()).isEqualTo("v1.3");
        assertThat(failed.appliedChangeSets()).isEmpty();
        assertThat(failed.releaseId()).isEqualTo(toV14.releaseId());
        assertThat(tenant.db().history()).isEqualTo(history);
        assertThat(tenant.db().columns("contacts")).doesNotContain("full_name");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tenant.db().sessionsOf(TenantDatabaseConnector.APPLICATION_NAME) == 0
                        && tenant.db().sessionsOf(TenantDatabaseConnector.CANCELLER_APPLICATION_NAME) == 0);

        TenantMigrated next = tenants.send(tenant, tenants.migrate(tenant, "v1.4", 30, null), TenantMigrated.class);

        assertThat(next.headAfter()).isEqualTo("v1.4");
        assertThat(next.appliedChangeSets()).hasSize(10);
        // It did not wait for any lock: far below the lock wait.
        assertThat(Duration.ofMillis(next.durationMillis())).isLessThan(lockWait.dividedBy(3));
    }

    private static int pid(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
