package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drift a history cannot show, found in a real tenant database: a changeset applied by hand. */
class PendingObjectsTest {
    static final String SQL_FILE = "classpath:sqlfile-changelog/db.changelog-master.xml";
    private static final TenantChangelog CRM = TenantChangelog.load(TenantChangelogTest.CRM);
    private static final TenantChangelog RAW_SQL = TenantChangelog.load(SQL_FILE);
    private static final String V14_FULL_NAME =
            "crm-changelog/releases/v1.4.xml::v1.4-001-add-contacts-full-name::tenant-fleet";

    static {
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
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
    void shouldFindNoDriftOnATenantThatIsOnlyBehind() throws Exception {
        TestDatabase.migrate(owner, CRM, "v1.3");

        assertThat(find(CRM, "v1.4")).isEmpty();
    }

    @Test
    void shouldNameTheChangesetAndObjectsWhenAPendingChangesetWasAppliedByHand() throws Exception {
        TestDatabase.migrate(owner, CRM, "v1.3");
        execute("ALTER TABLE contacts ADD COLUMN full_name text");

        assertThat(find(CRM, "v1.4")).singleElement().satisfies(drift -> {
            assertThat(drift.changeSet()).isEqualTo(V14_FULL_NAME);
            assertThat(drift.existing())
                    .containsExactly(new SchemaObject(SchemaObject.Kind.COLUMN, "contacts", "full_name"));
            assertThat(drift.describe()).contains(V14_FULL_NAME, "column contacts.full_name");
        });
    }

    @Test
    void shouldNameEveryObjectOfARawSqlUpgradeScriptAppliedByHand() throws Exception {
        TestDatabase.migrate(owner, RAW_SQL, "2.0");
        execute(script("sqlfile-changelog/upgrades/upgrade-2.1.sql"));

        assertThat(find(RAW_SQL, "2.1")).singleElement().satisfies(drift -> {
            assertThat(drift.changeSet()).endsWith("::upgrade-2.1::product");
            // idx_owners_email is created IF NOT EXISTS: its existing says nothing
            assertThat(drift.existing())
                    .extracting(SchemaObject::toString)
                    .containsExactly(
                            "column items.state",
                            "column items.closed_at",
                            "constraint fk_items_owner on items",
                            "index idx_items_state",
                            "sequence item_number_seq",
                            "view open_items");
        });
    }

    @Test
    void shouldNotCountAnObjectAPendingChangesetDropsBeforeCreatingItAgain() {
        ChangeSetInfo first = info("a");
        ChangeSetInfo second = info("b");
        var effects = Map.of(
                first.key(),
                List.of(SchemaChange.drop(SchemaObject.Kind.INDEX, null, "idx_a")),
                second.key(),
                List.of(
                        SchemaChange.create(SchemaObject.Kind.INDEX, null, "idx_a"),
                        SchemaChange.create(SchemaObject.Kind.INDEX, null, "idx_b")));

        assertThat(PendingObjects.expectedAbsent(List.of(first, second), effects))
                .containsExactly(
                        Map.entry(second.key(), List.of(new SchemaObject(SchemaObject.Kind.INDEX, null, "idx_b"))));
    }

    private List<SchemaDrift> find(TenantChangelog changelog, String target) throws Exception {
        return PendingObjects.find(
                owner,
                changelog,
                changelog.plan(TenantHistory.read(owner), target).pending());
    }

    private static ChangeSetInfo info(String id) {
        return new ChangeSetInfo(ChangeSetInfo.key("x.sql", id, "me"), id, "me", "x.sql", true, true, null, List.of());
    }

    private void execute(String sql) throws Exception {
        try (Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = PendingObjectsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
