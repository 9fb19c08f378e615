package dev.tenantfleet.worker.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.changelog.LiquibaseSupport;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.worker.support.TenantDatabase;
import dev.tenantfleet.worker.tenantdb.session.LiquibaseCommand;
import dev.tenantfleet.worker.tenantdb.session.RunningChangeSetListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.exception.CommandExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reusing a parse of the changelog from tenant to tenant, against real tenant databases. */
class ParsedChangelogsTest {
    private static final TenantChangelog CRM = TenantChangelog.load("classpath:crm-changelog/db.changelog-master.xml");
    // What a history row says about the changeset and how it ran, without times and deployment ids.
    private static final String HISTORY = "SELECT filename || ' ' || id || ' ' || author || ' ' || md5sum || ' '"
            + " || coalesce(tag, '-') || ' ' || exectype || ' ' || orderexecuted"
            + " FROM databasechangelog ORDER BY orderexecuted";
    private static final String COLUMNS = "SELECT table_name || '.' || column_name || ' ' || data_type FROM"
            + " information_schema.columns WHERE table_schema = 'public' ORDER BY 1";

    private final List<TenantDatabase> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() throws Exception {
        for (TenantDatabase db : databases) {
            db.close();
        }
    }

    @Test
    void shouldParseOnceForTheFleetAndLeaveEveryTenantAsAParsePerTenantWould() throws Exception {
        ParsedChangelogs reused = new ParsedChangelogs(true, 4);
        ParsedChangelogs perTenant = new ParsedChangelogs(false, 4);
        TenantDatabase behind = database();
        TenantDatabase fresh = database();
        TenantDatabase reference = database();
        TenantDatabase freshReference = database();

        migrate(reused, CRM, behind, "v1.1");
        migrate(reused, CRM, fresh, "v1.4");
        migrate(reused, CRM, behind, "v1.4");
        migrate(perTenant, CRM, reference, "v1.1");
        migrate(perTenant, CRM, reference, "v1.4");
        migrate(perTenant, CRM, freshReference, "v1.4");

        assertThat(reused.parses()).isEqualTo(1);
        assertThat(perTenant.parses()).isZero();
        assertThat(behind.strings(HISTORY))
                .hasSize(reference.strings(HISTORY).size())
                .isEqualTo(reference.strings(HISTORY));
        assertThat(fresh.strings(HISTORY)).isEqualTo(freshReference.strings(HISTORY));
        assertThat(behind.strings(COLUMNS)).isNotEmpty().isEqualTo(reference.strings(COLUMNS));
        assertThat(fresh.strings(COLUMNS)).isEqualTo(reference.strings(COLUMNS));
    }

    @Test
    void shouldThrowAParseAwayAfterAFailedCommandSoTheNextTenantGetsACleanOne() throws Exception {
        ParsedChangelogs reused = new ParsedChangelogs(true, 4);
        TenantDatabase drifted = database();
        TenantDatabase next = database();
        migrate(reused, CRM, drifted, "v1.1");
        try (Connection owner = drifted.owner()) {
            owner.createStatement()
                    .execute("UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000'"
                            + " WHERE orderexecuted = 1");
        }

        assertThatThrownBy(() -> migrate(reused, CRM, drifted, "v1.4"))
                .isInstanceOf(CommandExecutionException.class)
                .hasMessageContaining("check sum");
        migrate(reused, CRM, next, "v1.4");

        assertThat(reused.parses()).isEqualTo(2);
        assertThat(next.strings("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted DESC"
                        + " LIMIT 1"))
                .containsExactly("v1.4");
    }

    @Test
    void shouldParseAgainForATenantWhoseDatabaseGivesAValueReadWhileParsingAnotherValue() throws Exception {
        assertThat(twoTenantsRecordTheirDatabaseNames("read-while-parsing")).isEqualTo(2);
    }

    @Test
    void shouldAnswerValuesReadWhileRunningFromTheTenantBeingMigrated() throws Exception {
        assertThat(twoTenantsRecordTheirDatabaseNames("read-while-running")).isEqualTo(1);
    }

    @Test
    void shouldComputeChecksumsAgainForATenantWhoseHistoryHoldsAnOlderChecksumVersion() throws Exception {
        ParsedChangelogs reused = new ParsedChangelogs(true, 1);
        ParsedChangelogs perTenant = new ParsedChangelogs(false, 1);
        TenantDatabase current = database();
        TenantDatabase older = database();
        TenantDatabase olderReference = database();
        TenantDatabase later = database();
        migrate(reused, CRM, current, "v1.1");
        migrate(reused, CRM, older, "v1.1");
        migrate(perTenant, CRM, olderReference, "v1.1");
        // As if migrated by Liquibase before 4.22: version 8 checksums, which the current version still accepts.
        writeVersion8Checksums(older);
        writeVersion8Checksums(olderReference);

        migrate(reused, CRM, current, "v1.4"); // leaves version 9 checksums on the changesets
        migrate(reused, CRM, older, "v1.4");
        migrate(perTenant, CRM, olderReference, "v1.4");
        migrate(reused, CRM, later, "v1.4");

        assertThat(reused.parses()).isEqualTo(1);
        assertThat(older.strings(HISTORY)).isEqualTo(olderReference.strings(HISTORY));
        assertThat(older.strings(COLUMNS)).isEqualTo(current.strings(COLUMNS)).isEqualTo(later.strings(COLUMNS));
    }

    /**
     * Migrates two tenants with {@code parameters-changelog/<name>.xml}, whose changeset writes the tenant's database
     * name into table {@code <name>}, checks that each holds its own, and returns how often the changelog was parsed.
     */
    private long twoTenantsRecordTheirDatabaseNames(String name) throws Exception {
        TenantChangelog changelog = TenantChangelog.load("classpath:parameters-changelog/" + name + ".xml");
        ParsedChangelogs reused = new ParsedChangelogs(true, 4);
        TenantDatabase first = database();
        TenantDatabase second = database();

        migrate(reused, changelog, first, "p1");
        migrate(reused, changelog, second, "p1");

        String table = name.replace('-', '_');
        assertThat(first.strings("SELECT catalog FROM " + table)).containsExactly(first.name());
        assertThat(second.strings("SELECT catalog FROM " + table)).containsExactly(second.name());
        return reused.parses();
    }

    private TenantDatabase database() throws Exception {
        TenantDatabase db = TenantDatabase.create();
        databases.add(db);
        return db;
    }

    private static void migrate(ParsedChangelogs parsed, TenantChangelog changelog, TenantDatabase db, String tag)
            throws Exception {
        try (Connection owner = db.owner()) {
            new LiquibaseCommand(parsed)
                    .execute(
                            changelog,
                            TenantHistory.read(owner),
                            owner,
                            new RunningChangeSetListener(),
                            UpdateToTagCommandStep.COMMAND_NAME,
                            command -> command.addArgumentValue(UpdateToTagCommandStep.TAG_ARG, tag));
        }
    }

    private static void writeVersion8Checksums(TenantDatabase db) throws Exception {
        DatabaseChangeLog parsed = CRM.parse();
        try (Connection owner = db.owner();
                PreparedStatement update = owner.prepareStatement(
                        "UPDATE databasechangelog SET md5sum = ? WHERE filename = ? AND id = ? AND author = ?")) {
            for (ChangeSet changeSet : parsed.getChangeSets()) {
                String checksum = LiquibaseSupport.inScope(
                        CRM.newResourceAccessor(),
                        LiquibaseSupport.offlinePostgres(),
                        () -> changeSet.generateCheckSum(ChecksumVersion.V8).toString());
                update.setString(1, checksum);
                update.setString(2, changeSet.getFilePath());
                update.setString(3, changeSet.getId());
                update.setString(4, changeSet.getAuthor());
                update.executeUpdate();
            }
        }
        assertThat(db.strings("SELECT DISTINCT left(md5sum, 2) FROM databasechangelog"))
                .containsExactly("8:");
    }
}
