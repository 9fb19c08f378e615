package dev.tenantfleet.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.observability.LogKeys;
import dev.tenantfleet.testsupport.CapturedLogs;
import dev.tenantfleet.worker.support.TestTenants;
import dev.tenantfleet.worker.support.TestTenants.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MDC of the worker's log lines while it migrates real tenants through the real broker. */
@QuarkusTest
class CommandLogContextTest {
    @RegisterExtension
    final TestTenants tenants = new TestTenants();

    private CapturedLogs logs;

    @BeforeEach
    void setUp() {
        logs = CapturedLogs.of("dev.tenantfleet.worker");
    }

    @AfterEach
    void tearDown() {
        logs.close();
    }

    @Test
    void everyLineAboutAReleaseCommandCarriesItsReleaseIdAndTenantSlug() throws Exception {
        TestTenant tenant = tenants.create();
        MigrateTenant command = tenants.migrate(tenant, "v1.0", null, null);

        tenants.send(tenant, command, TenantMigrated.class);

        List<CapturedLogs.Line> lines = linesAbout(tenant, "migrated");
        assertThat(lines)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line.mdc())
                        .containsEntry(LogKeys.RELEASE_ID, command.releaseId().toString())
                        .containsEntry(LogKeys.TENANT_SLUG, tenant.slug()));
    }

    @Test
    void aCommandOutsideAReleaseAfterAReleaseCommandLogsItsOwnTenantAndNoReleaseId() throws Exception {
        TestTenant released = tenants.create();
        TestTenant provisioned = tenants.create();
        tenants.send(released, tenants.migrate(released, "v1.0", null, null), TenantMigrated.class);

        tenants.send(provisioned, tenants.provision(provisioned, "v1.0"), TenantMigrated.class);

        // The pool threads that ran the release command run this one too: nothing of the first may be left behind.
        assertThat(linesAbout(provisioned, "migrated"))
                .allSatisfy(line -> assertThat(line.mdc())
                        .doesNotContainKey(LogKeys.RELEASE_ID)
                        .containsEntry(LogKeys.TENANT_SLUG, provisioned.slug()));
    }

    /** The handler's lines about {@code tenant}, once the one containing {@code last} was logged. */
    private List<CapturedLogs.Line> linesAbout(TestTenant tenant, String last) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> logs.mentioning(tenant.slug()).stream()
                        .anyMatch(line -> line.message().contains(last)));
        return logs.mentioning(tenant.slug());
    }
}
