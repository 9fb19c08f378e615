package dev.tenantfleet.examples.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the CRM tenant changelog against a real PostgreSQL: every release is tagged, update can stop on
 * each tag, every changeset rolls back, and the base lookup seed is idempotent.
 * <p>
 * Each test gets its own throw-away database owned by a throw-away NON-superuser role; the extensions are
 * created by the admin beforehand, exactly like tenant provisioning does.
 */
class CrmChangelogTest {

    static final String CHANGELOG = "crm-changelog/db.changelog-master.xml";
    static final String SEED = "crm-changelog/seed/base-lookup-data.sql";
    static final List<String> TAGS = List.of("v1.0", "v1.1", "v1.2", "v1.3", "v1.4");

    /** Tables / types / functions / columns / indexes introduced by each release. */
    static final Map<String, List<String>> TABLES = Map.of(
            "v1.0", List.of("users", "companies", "contacts", "industries", "countries"),
            "v1.1", List.of("deal_stages", "deals"),
            "v1.2", List.of("task_priorities", "tasks", "task_assignments"),
            "v1.3", List.of("projects", "project_members"),
            "v1.4", List.of());

    static final Map<String, List<String>> INDEXES = Map.of(
            "v1.0", List.of("idx_contacts_name_unaccent", "idx_contacts_company_id"),
            "v1.1", List.of("idx_deals_stage_code"),
            "v1.2", List.of(),
            "v1.3", List.of(),
            "v1.4", List.of("idx_contacts_email_lower", "idx_companies_industry_code"));
    static final Map<String, List<String>> COLUMNS = Map.of(
            "v1.0", List.of(),
            "v1.1", List.of(),
            "v1.2", List.of(),
            "v1.3", List.of(),
            "v1.4", List.of("contacts.full_name", "deals.closed_at", "tasks.completed_at", "companies.industry_code"));
    static final List<String> ALL_TABLES =
            TAGS.stream().flatMap(t -> TABLES.get(t).stream()).toList();

    private static final Logger LIQUIBASE_LOGGER = Logger.getLogger("liquibase");
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // no phone-home from tests, and keep the build output readable
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        LIQUIBASE_LOGGER.setLevel(Level.WARNING);
    }

    private final String host = env("TENANTFLEET_TEST_PG_HOST", "127.0.0.1");
    private final String port = env("TENANTFLEET_TEST_PG_PORT", "5432");
    private final String adminUser = env("TENANTFLEET_TEST_PG_USER", "postgres");
    private final String adminPassword = env("TENANTFLEET_TEST_PG_PASSWORD", "");

    private String dbName;
    private String ownerRole;
    private String ownerPassword;
    private Connection owner;

    @BeforeEach
    void createTenantDatabase() throws SQLException {
        String suffix = HexFormat.of().formatHex(randomBytes(6));
        dbName = "tf_crm_test_" + suffix;
        ownerRole = "tf_crm_owner_" + suffix;
        ownerPassword = HexFormat.of().formatHex(randomBytes(16));

        try (Connection admin = connect("postgres", adminUser, adminPassword);
                Statement st = admin.createStatement()) {
            st.execute("CREATE ROLE " + ownerRole + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + ownerPassword + "'");
            st.execute("CREATE DATABASE " + dbName + " OWNER " + ownerRole);
        }
        try (Connection admin = connect(dbName, adminUser, adminPassword);
                Statement st = admin.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            st.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
        }
        owner = connect(dbName, ownerRole, ownerPassword);
        assertThat(queryString("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                .isEqualTo("false");
    }

    @AfterEach
    void dropTenantDatabase() throws SQLException {
        if (owner != null) {
            owner.close();
        }
        try (Connection admin = connect("postgres", adminUser, adminPassword);
                Statement st = admin.createStatement()) {
            if (dbName != null) {
                st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
            if (ownerRole != null) {
                st.execute("DROP ROLE IF EXISTS " + ownerRole);
            }
        }
    }

    @Test
    void shouldCreateEveryTableAndTagWhenMigratedToHead() throws Exception {
        withLiquibase(lb -> lb.update(new Contexts(), new LabelExpression()));

        for (String table : ALL_TABLES) {
            assertThat(tableExists(table)).as("table %s", table).isTrue();
        }
        assertThat(typeExists("project_role")).isTrue();
        assertThat(functionExists("crm_unaccent")).isTrue();
        for (String tag : TAGS) {
            assertReleaseObjectsPresent(tag, true);
        }
        assertThat(queryStrings("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted"))
                .containsExactlyElementsOf(TAGS);
        assertThat(lastChangeSetTag()).isEqualTo("v1.4");
        assertThat(queryString("SELECT count(*)::text FROM deal_stages")).isEqualTo("6");
        assertThat(queryString("SELECT count(*)::text FROM task_priorities")).isEqualTo("4");

        assertThat(queryString("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_contacts_name_unaccent'"))
                .contains("lower(crm_unaccent(((first_name || ' '::text) || last_name)))");

        update("INSERT INTO companies (name, domain) VALUES ('Müller GmbH', 'mueller.example')");
        update("INSERT INTO contacts (company_id, first_name, last_name, email) "
                + "SELECT id, 'Jose', 'Muller', 'Jose.Muller@Mueller.example' FROM companies");
        String search = "SELECT first_name || ' ' || last_name FROM contacts "
                + "WHERE lower(crm_unaccent(first_name || ' ' || last_name)) = lower(crm_unaccent('José Müller'))";
        assertThat(queryStrings(search)).containsExactly("Jose Muller");

        // the search expression is the index expression: with seq scans disabled the planner must use the index
        update("SET enable_seqscan = off");
        assertThat(String.join("\n", queryStrings("EXPLAIN " + search))).contains("idx_contacts_name_unaccent");
        assertThat(
                        String.join(
                                "\n",
                                queryStrings(
                                        "EXPLAIN SELECT id FROM contacts WHERE lower(email) = lower('JOSE.MULLER@mueller.example')")))
                .contains("idx_contacts_email_lower");
        update("RESET enable_seqscan");
    }

    @Test
    void shouldStopExactlyAtEachReleaseTag() throws Exception {
        for (int i = 0; i < TAGS.size(); i++) {
            String tag = TAGS.get(i);
            withLiquibase(lb -> lb.update(tag, new Contexts(), new LabelExpression()));

            assertThat(lastChangeSetTag())
                    .as("last changeset after update to %s", tag)
                    .isEqualTo(tag);
            assertThat(queryString("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL "
                            + "ORDER BY orderexecuted DESC LIMIT 1"))
                    .isEqualTo(tag);
            for (int j = 0; j < TAGS.size(); j++) {
                assertReleaseObjectsPresent(TAGS.get(j), j <= i);
            }
            if (tag.equals("v1.2")) {
                assertThat(tableExists("projects")).isFalse();
                assertThat(tableExists("project_members")).isFalse();
                assertThat(typeExists("project_role")).isFalse();
                assertThat(queryStrings("SELECT id FROM databasechangelog WHERE id LIKE 'v1.3-%'"))
                        .isEmpty();
            }
        }
    }

    @Test
    void shouldRollBackEveryReleaseToAnEmptySchema() throws Exception {
        withLiquibase(lb -> lb.update(new Contexts(), new LabelExpression()));
        // some data, so rollbacks (deletes of lookup rows, backfills) run against a non-empty schema
        update("INSERT INTO users (email, display_name) VALUES ('ana@example.com', 'Ana')");
        update("INSERT INTO companies (name) VALUES ('Acme')");
        update("INSERT INTO contacts (company_id, first_name, last_name) SELECT id, 'Zoë', 'Ångström' FROM companies");
        update("INSERT INTO deals (company_id, title, stage_code) SELECT id, 'Renewal', 'won' FROM companies");
        update("INSERT INTO tasks (title, status, created_by) SELECT 'Call back', 'done', id FROM users");

        for (int i = TAGS.size() - 2; i >= 0; i--) {
            String tag = TAGS.get(i);
            withLiquibase(lb -> lb.rollback(tag, new Contexts(), new LabelExpression()));

            assertThat(lastChangeSetTag())
                    .as("last changeset after rollback to %s", tag)
                    .isEqualTo(tag);
            for (int j = 0; j < TAGS.size(); j++) {
                assertReleaseObjectsPresent(TAGS.get(j), j <= i);
            }
        }

        int remaining = Integer.parseInt(queryString("SELECT count(*)::text FROM databasechangelog"));
        assertThat(remaining).isEqualTo(8);
        withLiquibase(lb -> lb.rollback(remaining, new Contexts(), new LabelExpression()));

        assertThat(queryString("SELECT count(*)::text FROM databasechangelog")).isEqualTo("0");
        assertThat(queryStrings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename NOT IN ('databasechangelog', 'databasechangeloglock')"))
                .isEmpty();
        assertThat(queryStrings("SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                        + "WHERE n.nspname = 'public' AND t.typtype = 'e'"))
                .isEmpty();
        assertThat(queryStrings("SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                        + "WHERE n.nspname = 'public' AND p.proname LIKE 'crm\\_%'"))
                .isEmpty();
        assertThat(queryStrings("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' "
                        + "AND tablename NOT IN ('databasechangelog', 'databasechangeloglock')"))
                .isEmpty();
    }

    @Test
    void shouldLoadBaseLookupDataIdempotently() throws Exception {
        withLiquibase(lb -> lb.update(new Contexts(), new LabelExpression()));
        List<String> statements = seedStatements();
        assertThat(statements).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotStartWith("\\"));

        runSeed(statements);
        int industries = count("industries");
        int countries = count("countries");
        runSeed(statements);

        assertThat(industries).isGreaterThanOrEqualTo(10);
        assertThat(countries).isGreaterThanOrEqualTo(20);
        assertThat(count("industries")).isEqualTo(industries);
        assertThat(count("countries")).isEqualTo(countries);
        // the seeded codes are usable by the v1.4 foreign key
        update("INSERT INTO companies (name, industry_code) VALUES ('Initech', 'software')");
    }

    // ------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface LiquibaseAction {
        void run(Liquibase liquibase) throws Exception;
    }

    @SuppressWarnings("deprecation")
    private void withLiquibase(LiquibaseAction action) throws Exception {
        // a dedicated connection per run: Liquibase closes it together with the Database
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connect(dbName, ownerRole, ownerPassword)));
        try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
            action.run(liquibase);
        }
    }

    private void assertReleaseObjectsPresent(String tag, boolean present) throws SQLException {
        for (String table : TABLES.get(tag)) {
            assertThat(tableExists(table)).as("table %s of %s", table, tag).isEqualTo(present);
        }
        for (String index : INDEXES.get(tag)) {
            assertThat(indexExists(index)).as("index %s of %s", index, tag).isEqualTo(present);
        }
        for (String column : COLUMNS.get(tag)) {
            assertThat(columnExists(column)).as("column %s of %s", column, tag).isEqualTo(present);
        }
        if (tag.equals("v1.0")) {
            assertThat(functionExists("crm_unaccent"))
                    .as("crm_unaccent of v1.0")
                    .isEqualTo(present);
        }
        if (tag.equals("v1.3")) {
            assertThat(typeExists("project_role")).as("project_role of v1.3").isEqualTo(present);
        }
    }

    private List<String> seedStatements() throws IOException {
        String sql;
        try (InputStream in = Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream(SEED), SEED + " on the classpath")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        for (String chunk : sql.split(";\\s*(\\r?\\n|$)")) {
            if (!chunk.isBlank()) {
                statements.add(chunk.strip());
            }
        }
        return statements;
    }

    private void runSeed(List<String> statements) throws SQLException {
        owner.setAutoCommit(false);
        try (Statement st = owner.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
            owner.commit();
        } finally {
            owner.setAutoCommit(true);
        }
    }

    private String lastChangeSetTag() throws SQLException {
        return queryString("SELECT coalesce(tag, '<untagged ' || id || '>') FROM databasechangelog "
                + "ORDER BY orderexecuted DESC LIMIT 1");
    }

    private boolean tableExists(String table) throws SQLException {
        return queryString("SELECT to_regclass('public." + table + "') IS NOT NULL")
                .equals("t");
    }

    private boolean indexExists(String index) throws SQLException {
        return tableExists(index);
    }

    private boolean columnExists(String tableDotColumn) throws SQLException {
        String[] parts = tableDotColumn.split("\\.");
        try (PreparedStatement ps = owner.prepareStatement("SELECT 1 FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? AND column_name = ?")) {
            ps.setString(1, parts[0]);
            ps.setString(2, parts[1]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean typeExists(String type) throws SQLException {
        return queryString("SELECT to_regtype('public." + type + "') IS NOT NULL")
                .equals("t");
    }

    private boolean functionExists(String function) throws SQLException {
        return queryString("SELECT to_regproc('public." + function + "') IS NOT NULL")
                .equals("t");
    }

    private int count(String table) throws SQLException {
        return Integer.parseInt(queryString("SELECT count(*) FROM " + table));
    }

    private void update(String sql) throws SQLException {
        try (Statement st = owner.createStatement()) {
            st.execute(sql);
        }
    }

    private String queryString(String sql) throws SQLException {
        List<String> rows = queryStrings(sql);
        assertThat(rows).as("rows of %s", sql).hasSize(1);
        return rows.get(0);
    }

    private List<String> queryStrings(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = owner.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "crm-changelog-test");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
