package dev.tenantfleet.worker.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantRollbackFailed;
import dev.tenantfleet.model.migration.TenantRolledBack;
import dev.tenantfleet.worker.changelog.ChangelogSource;
import dev.tenantfleet.worker.support.TestTenants;
import dev.tenantfleet.worker.support.TestTenants.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** rollback-tenant through the real broker on real tenant databases migrated with the example CRM changelog. */
@QuarkusTest
class RollbackTenantCommandTest {
    @Inject
    ChangelogSource changelog;

    @RegisterExtension
    final TestTenants tenants = new TestTenants();

    @Test
    void aRollbackReturnsTheTenantFromV14ToV12UndoingExactlyTheReleasesChangesetsAndARedeliveryIsHarmless()
            throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "v1.2", null, null), TenantMigrated.class);
        MigrateTenant release = tenants.migrate(tenant, "v1.4", null, null);
        TenantMigrated migrated = tenants.send(tenant, release, TenantMigrated.class);
        assertThat(migrated.appliedChangeSets()).hasSize(14);

        RollbackTenant rollback = tenants.rollback(tenant, release.releaseId(), migrated.appliedChangeSets(), "v1.2");
        CloudEvent<MigrationCommand> envelope = tenants.publish(rollback);
        TenantRolledBack rolledBack = tenants.resultOf(tenant, envelope, TenantRolledBack.class);

        List<String> newestFirst = new ArrayList<>(migrated.appliedChangeSets());
        Collections.reverse(newestFirst);
        assertThat(rolledBack.appliedChangeSets()).containsExactlyElementsOf(newestFirst);
        assertThat(rolledBack.headBefore()).isEqualTo("v1.4");
        assertThat(rolledBack.headAfter()).isEqualTo("v1.2");
        assertThat(rolledBack.releaseId()).isEqualTo(release.releaseId());
        // The history proves it: exactly the changesets up to v1.2 remain, in order.
        assertThat(tenant.db().history())
                .containsExactlyElementsOf(changelog.changelog().upTo("v1.2").stream()
                        .map(ChangeSetInfo::key)
                        .toList());
        assertThat(tenant.db().tables()).doesNotContain("projects", "project_members");
        assertThat(tenant.db().columns("contacts")).doesNotContain("full_name");
        assertThat(tenant.db().strings("SELECT count(*) FROM pg_type WHERE typname = 'project_role'"))
                .containsExactly("0");

        TenantRolledBack again = tenants.resend(tenant, envelope, TenantRolledBack.class);

        assertThat(again.appliedChangeSets()).isEmpty();
        assertThat(again.headBefore()).isEqualTo("v1.2");
        assertThat(again.headAfter()).isEqualTo("v1.2");
        assertThat(again.releaseId()).isEqualTo(release.releaseId());
        assertThat(tenant.db().history()).hasSize(19);
    }

    @Test
    void aRollbackWhoseChangesetsAreNotTheNewestIsAMismatchAndTouchesNothing() throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "v1.2", null, null), TenantMigrated.class);
        MigrateTenant first = tenants.migrate(tenant, "v1.3", null, null);
        TenantMigrated firstApplied = tenants.send(tenant, first, TenantMigrated.class);
        tenants.send(tenant, tenants.migrate(tenant, "v1.4", null, null), TenantMigrated.class);
        List<String> history = tenant.db().history();
        List<String> tables = tenant.db().tables();

        RollbackTenant rollback = tenants.rollback(tenant, first.releaseId(), firstApplied.appliedChangeSets(), "v1.2");
        TenantRollbackFailed failed = tenants.send(tenant, rollback, TenantRollbackFailed.class);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.ROLLBACK_MISMATCH);
        assertThat(failed.error().message()).contains("newest changesets").contains("nothing was rolled back");
        assertThat(failed.headAfter()).isEqualTo("v1.4");
        assertThat(failed.appliedChangeSets()).isEmpty();
        assertThat(failed.releaseId()).isEqualTo(first.releaseId());
        assertThat(tenant.db().history()).isEqualTo(history);
        assertThat(tenant.db().tables()).isEqualTo(tables);
    }
}
