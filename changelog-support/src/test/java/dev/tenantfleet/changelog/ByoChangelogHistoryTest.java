package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Liquibase records when it runs the team's own changelog is what Tenant Fleet computes from it: no drift, the
 * dbms-filtered property resolved for PostgreSQL, nothing pending up to the head the history is at.
 */
class ByoChangelogHistoryTest {
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final TenantChangelog BYO = TenantChangelog.load(ByoChangelogTest.BYO.toString());

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

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
    void aTenantMigratedByLiquibaseToR2IsAtR2WithoutDriftAndOnlyR3Pending() throws Exception {
        TestDatabase.migrate(owner, BYO, "r2");

        TenantHistory history = TenantHistory.read(owner);
        TenantPlan plan = BYO.plan(history, "r3");

        assertThat(history.head()).isEqualTo("r2");
        assertThat(plan.drift()).isEmpty();
        assertThat(plan.pending())
                .extracting(ChangeSetInfo::id)
                .containsExactly("r3-001-rename-payments", "r3-002-scratch", "r3-003-index-concurrently", "r3-tag");
        assertThat(BYO.plan(history, "r2").pending()).isEmpty();
        assertThat(columnType("payments", "amount")).isEqualTo("numeric(12,2)");
        assertThat(exists("oracle_only")).isFalse();
        assertThat(BYO.tablesUpTo("r2"))
                .allSatisfy(table -> assertThat(exists(table)).as(table).isTrue());
    }

    private String columnType(String table, String column) throws Exception {
        try (Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '" + table
                                + "'::regclass AND attname = '" + column + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private boolean exists(String table) throws Exception {
        try (Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
