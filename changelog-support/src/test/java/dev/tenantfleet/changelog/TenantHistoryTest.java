package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading a real tenant database's history and planning against it (local PostgreSQL, a throw-away database). */
class TenantHistoryTest {
    // Keeps the build output readable; a strong reference, or java.util.logging may forget the level.
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final TenantChangelog CRM = TenantChangelog.load(TenantChangelogTest.CRM);

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    private static final String FIRST = "crm-changelog/releases/v1.0.xml::v1.0-001-create-users::tenant-fleet";

    private TestDatabase db;
    private Connection owner;

    @BeforeEach
    void createDatabase() throws Exception {
        db = TestDatabase.create();
        owner = db.owner();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        owner.close();
        db.close();
    }

    @Test
    void aDatabaseNeverMigratedHasAnEmptyHistoryAndEverythingPending() throws Exception {
        TenantHistory history = TenantHistory.read(owner);

        assertThat(history.applied()).isEmpty();
        assertThat(history.head()).isNull();
        assertThat(CRM.plan(history, "v1.2").pending()).isEqualTo(CRM.upTo("v1.2"));
    }

    @Test
    void afterMigratingToV12TheHistoryIsThoseChangesetsInOrderAndOnlyV13AndV14ArePending() throws Exception {
        TestDatabase.migrate(owner, CRM, "v1.2");

        TenantHistory history = TenantHistory.read(owner);

        assertThat(history.keys())
                .isEqualTo(CRM.upTo("v1.2").stream().map(ChangeSetInfo::key).toList());
        assertThat(history.head()).isEqualTo("v1.2");
        assertThat(history.applied())
                .allSatisfy(row -> assertThat(row.checksum()).startsWith("9:"));
        assertThat(history.applied().get(0).orderExecuted()).isEqualTo(1);
        TenantPlan toHead = CRM.plan(history, "v1.4");
        assertThat(toHead.head()).isEqualTo("v1.2");
        assertThat(toHead.pending()).isEqualTo(CRM.changeSets().subList(19, 33));
        assertThat(toHead.drifted()).isFalse();
        assertThat(CRM.plan(history, "v1.2").pending()).isEmpty();
        assertThat(CRM.plan(history, "v1.0").pending()).isEmpty();
    }

    @Test
    void aTamperedChecksumAndAnUnknownChangesetAreDrift() throws Exception {
        TestDatabase.migrate(owner, CRM, "v1.0");
        execute(
                "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000' WHERE id = 'v1.0-001-create-users'");
        execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum)"
                + " VALUES ('hotfix', 'ops', 'manual.sql', now(), 99, 'EXECUTED', '9:abc')");

        TenantPlan plan = CRM.plan(TenantHistory.read(owner), "v1.1");

        assertThat(plan.drifted()).isTrue();
        assertThat(plan.drift())
                .containsExactly(
                        FIRST
                                + ": its checksum changed: the database recorded 9:00000000000000000000000000000000, the changelog"
                                + " now gives " + currentChecksum(0),
                        "manual.sql::hotfix::ops: it is applied to the tenant but not in the changelog");
        assertThat(plan.pending()).hasSize(5);
    }

    @Test
    void aChecksumWrittenByAnOlderLiquibaseIsComparedWithThatChecksumVersion() throws Exception {
        TestDatabase.migrate(owner, CRM, "v1.0");
        String v8 = checksum(0, ChecksumVersion.V8);
        assertThat(v8).startsWith("8:").isNotEqualTo(currentChecksum(0));
        execute("UPDATE databasechangelog SET md5sum = '" + v8 + "' WHERE id = 'v1.0-001-create-users'");

        assertThat(CRM.plan(TenantHistory.read(owner), "v1.0").drift()).isEmpty();

        execute(
                "UPDATE databasechangelog SET md5sum = '8:11111111111111111111111111111111' WHERE id = 'v1.0-001-create-users'");
        assertThat(CRM.plan(TenantHistory.read(owner), "v1.0").drift())
                .singleElement()
                .asString()
                .startsWith(FIRST + ": its checksum changed")
                .endsWith(v8);
    }

    private void execute(String sql) throws Exception {
        try (Statement statement = owner.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String currentChecksum(int index) throws Exception {
        return checksum(index, ChecksumVersion.V9);
    }

    private static String checksum(int index, ChecksumVersion version) throws Exception {
        List<ChangeSet> changeSets = CRM.parse().getChangeSets();
        return LiquibaseSupport.inScope(
                CRM.newResourceAccessor(),
                LiquibaseSupport.offlinePostgres(),
                () -> changeSets.get(index).generateCheckSum(version).toString());
    }
}
