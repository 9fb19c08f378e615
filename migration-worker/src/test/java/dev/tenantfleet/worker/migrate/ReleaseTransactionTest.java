package dev.tenantfleet.worker.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.model.migration.TenantRollbackFailed;
import dev.tenantfleet.worker.support.TestChangelogProfile;
import dev.tenantfleet.worker.support.TestTenants;
import dev.tenantfleet.worker.support.TestTenants.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant's release is one transaction (test changelog: t1 a table; t2 with a non-transactional changeset and a
 * changeset without rollback; t3 broken in its third changeset), through the real broker and real tenant databases.
 */
@QuarkusTest
@TestProfile(TestChangelogProfile.class)
class ReleaseTransactionTest {
    private static final String FILE = "test-changelog/db.changelog-master.xml::";
    private static final List<String> T1 = keys("t1-001-create-accounts", "t1-002-tag");
    private static final List<String> T2 = keys(
            "t2-001-add-email",
            "t2-002-trim-names",
            "t2-003-index-email-concurrently",
            "t2-004-add-created-at",
            "t2-005-tag");
    private static final String NON_TRANSACTIONAL = FILE + "t2-003-index-email-concurrently::test";
    private static final String BROKEN = FILE + "t3-003-broken::test";

    @RegisterExtension
    final TestTenants tenants = new TestTenants();

    @Test
    void aBrokenChangesetInTheMiddleOfAReleaseLeavesTheTenantAtItsOldHeadWithNothingApplied() throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "t2", null, true), TenantMigrated.class);
        List<String> history = tenant.db().history();
        List<String> columns = tenant.db().columns("accounts");

        MigrateTenant toT3 = tenants.migrate(tenant, "t3", null, null);
        TenantMigrationFailed failed = tenants.send(tenant, toT3, TenantMigrationFailed.class);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.CHANGESET_SQL_ERROR);
        assertThat(failed.error().changeSet()).isEqualTo(BROKEN);
        assertThat(failed.error().message()).contains("no_such_table");
        assertThat(failed.appliedChangeSets()).isEmpty();
        assertThat(failed.headAfter()).isEqualTo("t2");
        assertThat(failed.releaseId()).isEqualTo(toT3.releaseId());
        // t3-001 and t3-002 ran before the broken changeset: rolled back with it, table, column and history rows.
        assertThat(tenant.db().history()).isEqualTo(history);
        assertThat(tenant.db().tables()).doesNotContain("notes", "later");
        assertThat(tenant.db().columns("accounts")).isEqualTo(columns).doesNotContain("phone");
        assertThat(tenant.db().strings("SELECT count(*) FROM databasechangeloglock WHERE locked"))
                .containsExactly("0");
    }

    @Test
    void aNonTransactionalChangesetIsRefusedWithoutAllowNonTransactionalBeforeAnythingIsApplied() throws Exception {
        TestTenant tenant = tenants.create();

        MigrateTenant toT2 = tenants.migrate(tenant, "t2", null, null);
        TenantMigrationFailed refused = tenants.send(tenant, toT2, TenantMigrationFailed.class);

        assertThat(refused.error().code()).isEqualTo(MigrationErrorCode.NON_TRANSACTIONAL);
        assertThat(refused.error().changeSet()).isEqualTo(NON_TRANSACTIONAL);
        assertThat(refused.error().message()).contains(NON_TRANSACTIONAL).contains("allowNonTransactional");
        assertThat(refused.appliedChangeSets()).isEmpty();
        assertThat(refused.headAfter()).isNull();
        assertThat(refused.releaseId()).isEqualTo(toT2.releaseId());
        assertThat(tenant.db().tables()).isEmpty();
    }

    @Test
    void aNonTransactionalChangesetIsAppliedWhenAllowedAfterTheTransactionalPrefix() throws Exception {
        TestTenant tenant = tenants.create();

        TenantMigrated migrated = tenants.send(tenant, tenants.migrate(tenant, "t2", null, true), TenantMigrated.class);

        assertThat(migrated.appliedChangeSets()).containsExactlyElementsOf(concat(T1, T2));
        assertThat(migrated.headBefore()).isNull();
        assertThat(migrated.headAfter()).isEqualTo("t2");
        assertThat(tenant.db().history()).isEqualTo(migrated.appliedChangeSets());
        assertThat(tenant.db()
                        .strings("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_accounts_email'::regclass"))
                .containsExactly("t");
    }

    @Test
    void aFailureAfterAnAllowedNonTransactionalChangesetReportsExactlyWhatDidCommit() throws Exception {
        TestTenant tenant = tenants.create();

        TenantMigrationFailed failed =
                tenants.send(tenant, tenants.migrate(tenant, "t3", null, true), TenantMigrationFailed.class);

        // The transactional prefix (t1, t2-001, t2-002) committed as one; from the non-transactional changeset on,
        // each changeset committed on its own until the broken one.
        List<String> committed = concat(concat(T1, T2), keys("t3-001-create-notes", "t3-002-add-phone"));
        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.CHANGESET_SQL_ERROR);
        assertThat(failed.error().changeSet()).isEqualTo(BROKEN);
        assertThat(failed.appliedChangeSets()).containsExactlyElementsOf(committed);
        assertThat(failed.headAfter()).isEqualTo("t2");
        assertThat(tenant.db().history()).isEqualTo(committed);
    }

    @Test
    void rollingBackAReleaseWithAChangesetWithoutRollbackIsRefusedAndTouchesNothing() throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "t1", null, null), TenantMigrated.class);
        MigrateTenant release = tenants.migrate(tenant, "t2", null, true);
        TenantMigrated migrated = tenants.send(tenant, release, TenantMigrated.class);
        List<String> history = tenant.db().history();

        RollbackTenant rollback = tenants.rollback(tenant, release.releaseId(), migrated.appliedChangeSets(), "t1");
        TenantRollbackFailed failed = tenants.send(tenant, rollback, TenantRollbackFailed.class);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.ROLLBACK_UNSUPPORTED);
        assertThat(failed.error().changeSet()).isEqualTo(FILE + "t2-002-trim-names::test");
        assertThat(failed.headAfter()).isEqualTo("t2");
        assertThat(failed.appliedChangeSets()).isEmpty();
        assertThat(failed.releaseId()).isEqualTo(release.releaseId());
        assertThat(tenant.db().history()).isEqualTo(history);
    }

    private static List<String> keys(String... ids) {
        return Arrays.stream(ids).map(id -> FILE + id + "::test").toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
