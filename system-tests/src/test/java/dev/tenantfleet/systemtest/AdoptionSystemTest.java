package dev.tenantfleet.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.changelog.LiquibaseSupport;
import dev.tenantfleet.changelog.TenantChangelog;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Adopting a fleet end to end, with a changelog that is not the example one: databases made outside Tenant Fleet (two
 * migrated by Liquibase itself to the older release 2024.1, two whose schema a psql script built up to 2024.2 with no
 * Liquibase history at all, plus rows that cannot be adopted) are imported with the packaged tenantctl, show up in
 * fleet status like any tenant, and one real release brings them all to 2024.3.
 */
class AdoptionSystemTest {
    @RegisterExtension
    static final AdoptionFleet FLEET = new AdoptionFleet();

    private static final String PREVIOUS_TOOL = "liquibase";

    @Test
    void shouldAdoptAnExistingFleetAndConvergeItWithItsOwnChangelog() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Existing alpha = existing("alpha" + run).migratedTo("2024.1");
        Existing bravo = existing("bravo" + run).migratedTo("2024.1");
        Existing charlie = existing("charlie" + run).builtByScriptUpTo20242();
        Existing delta = existing("delta" + run).builtByScriptUpTo20242();
        Existing echo = existing("echo" + run).builtByScriptUpTo20241();
        Path csv = Files.writeString(
                Files.createTempFile("fleet", ".csv"),
                String.join(
                        "\n",
                        "slug,name,server,database,username,password,status",
                        alpha.row("ACTIVE"),
                        bravo.row("READ_ONLY"),
                        charlie.row("ACTIVE"),
                        delta.row("SUSPENDED"),
                        echo.row("ACTIVE"),
                        "foxtrot-" + run + ",Foxtrot,local," + alpha.database + "_gone," + alpha.role + ",x,ACTIVE",
                        "Golf_" + run + ",Golf,local,billing_golf_" + run + "," + charlie.role + ",x,ACTIVE"));

        // 1. the import validates every row first and reports every problem at once; the valid rows are registered
        Run imported = tenantctl(Map.of(), "tenant", "import", csv.toString(), "--baseline-tag", "2024.2");

        assertThat(imported.exitCode()).as(imported.output()).isEqualTo(2);
        assertThat(imported.output())
                .contains("7 rows: 4 registered, 0 already registered, 3 rejected")
                .contains("line 6 " + echo.slug + ":")
                .contains("BASELINE_TABLES_MISSING")
                .contains("invoice_lines")
                .contains("TENANT_DATABASE_NOT_FOUND")
                .contains("INVALID_SLUG")
                .contains("at 2024.1 (2): " + alpha.slug + ", " + bravo.slug)
                .contains("at 2024.2, baselined (2): " + charlie.slug + ", " + delta.slug)
                .contains("baseline 2024.2 not applied: its Liquibase history is at 2024.1");
        assertThat(imported.output() + FLEET.logs())
                .doesNotContain(alpha.password)
                .doesNotContain(charlie.password);
        assertThat(charlie.historyTags()).containsExactly("2024.1", "2024.2");
        assertThat(alpha.historyTags()).containsExactly("2024.1");

        // 2. the one whose schema is really at 2024.1 is adopted on its own, with the right baseline
        Run adopted = tenantctl(
                Map.of("ECHO_PASSWORD", echo.password),
                "tenant",
                "adopt",
                "--slug",
                echo.slug,
                "--name",
                "Echo",
                "--server",
                "local",
                "--database",
                echo.database,
                "--username",
                echo.role,
                "--password-env",
                "ECHO_PASSWORD",
                "--baseline-tag",
                "2024.1");
        assertThat(adopted.exitCode()).as(adopted.output()).isZero();
        assertThat(adopted.output()).contains("adopted " + echo.slug).contains("2024.1 (baseline recorded)");

        // 3. re-running the corrected import changes nothing
        Path fixed = Files.writeString(
                Files.createTempFile("fleet-fixed", ".csv"),
                String.join(
                        "\n",
                        "slug,name,server,database,username,password,status,baseline_tag",
                        alpha.row("ACTIVE") + ",",
                        bravo.row("READ_ONLY") + ",",
                        charlie.row("ACTIVE") + ",2024.2",
                        delta.row("SUSPENDED") + ",2024.2",
                        echo.row("ACTIVE") + ",2024.1"));
        Run again = tenantctl(Map.of(), "tenant", "import", fixed.toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("5 rows: 0 registered, 5 already registered, 0 rejected");
        List<String> slugs = List.of(alpha.slug, bravo.slug, charlie.slug, delta.slug, echo.slug);
        assertThat(outboxPublishedTypes())
                .filteredOn(type -> type.endsWith("adopted.v1"))
                .hasSize(5);

        // 4. fleet status reads the adopted databases like any other tenant's
        JsonPath status =
                api().get("/api/fleet/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("changelogHead")).isEqualTo("2024.3");
        assertThat(status.getInt("byHead.'2024.1'")).isEqualTo(3);
        assertThat(status.getInt("byHead.'2024.2'")).isEqualTo(2);
        assertThat(status.getList("behind.slug")).containsExactlyInAnyOrderElementsOf(slugs);
        assertThat(status.getList("drifted")).isEmpty();
        assertThat(status.getList("unreadable")).isEmpty();

        // 5. the preflight refuses what this changelog cannot do: roll back 2024.2's data fix, or run 2024.3's
        //    CREATE INDEX CONCURRENTLY unannounced
        api().body(Map.of(
                        "spec",
                        Map.of(
                                "targetTag",
                                "2024.3",
                                "failurePolicy",
                                "ROLLBACK",
                                "allowNonTransactional",
                                true,
                                "statuses",
                                List.of("ACTIVE", "READ_ONLY", "SUSPENDED"))))
                .post("/api/releases")
                .then()
                .statusCode(422)
                .body("detail", Matchers.containsString("2024.2-003-close-paid-invoices"));
        Run refused = tenantctl(
                Map.of(),
                "release",
                "migrate",
                "--target",
                "2024.3",
                "--status",
                "active,read_only,suspended",
                "--wait");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(5);
        assertThat(refused.output()).contains("runInTransaction=false").contains("2024.3-002-invoice-status-index");

        // 6. a real release with the team's changelog: every adopted tenant converges
        Run release = tenantctl(
                Map.of(),
                "release",
                "migrate",
                "--target",
                "2024.3",
                "--status",
                "active,read_only,suspended",
                "--allow-non-transactional",
                "--wait");
        assertThat(release.exitCode()).as(release.output()).isZero();
        for (Existing db : List.of(alpha, bravo, charlie, delta, echo)) {
            assertThat(db.historyTags()).last().isEqualTo("2024.3");
            assertThat(db.columnExists("invoices", "due_date")).isTrue();
            api().get("/api/tenants/" + db.slug).then().body("schemaHead", Matchers.equalTo("2024.3"));
        }
        assertThat(alpha.historyTags()).containsExactly("2024.1", "2024.2", "2024.3");
        JsonPath converged =
                api().get("/api/fleet/status").then().statusCode(200).extract().jsonPath();
        assertThat(converged.getMap("byHead")).containsExactly(Map.entry("2024.3", 5));
        assertThat(converged.getList("behind")).isEmpty();
        assertThat(converged.getList("drifted")).isEmpty();
        api().get("/api/tenants/" + bravo.slug).then().body("status", Matchers.equalTo("READ_ONLY"));
    }

    private static RequestSpecification api() {
        return given().baseUri(FLEET.tenantServiceUri())
                .header("Authorization", "Bearer " + FLEET.token)
                .header("X-Tenantfleet-Actor", "system-test")
                .contentType(ContentType.JSON);
    }

    private static List<String> outboxPublishedTypes() {
        List<String>[] types = new List[1];
        await("adoption events published").atMost(Duration.ofSeconds(20)).until(() -> {
            types[0] = Sql.column(FLEET.controlDatabase, "SELECT type FROM outbox WHERE published_at IS NOT NULL");
            return Sql.column(FLEET.controlDatabase, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
                    .get(0)
                    .equals("0");
        });
        return types[0];
    }

    /** A database made outside Tenant Fleet, with its own login role. */
    private static final class Existing {
        final String slug;
        final String database;
        final String role;
        final String password = "pw-" + UUID.randomUUID();

        Existing(String slug) {
            this.slug = slug;
            this.database = "billing_" + slug;
            this.role = "billing_" + slug + "_app";
        }

        String row(String status) {
            return slug + ",Tenant " + slug + ",local," + database + "," + role + "," + password + "," + status;
        }

        /** Migrated by Liquibase directly (the tool the fleet used before), as the role, up to {@code tag}. */
        Existing migratedTo(String tag) throws Exception {
            TenantChangelog changelog = TenantChangelog.load(FLEET.changelog.toString());
            try (Connection connection = owner()) {
                LiquibaseSupport.inScope(changelog.newResourceAccessor(), () -> {
                    Database db = DatabaseFactory.getInstance()
                            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                    new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                            .addArgumentValue(UpdateToTagCommandStep.CHANGELOG_FILE_ARG, changelog.path())
                            .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, tag)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                            .setOutput(OutputStream.nullOutputStream())
                            .execute();
                    return null;
                });
            }
            return this;
        }

        /** The schema of 2024.1 as a psql script made it: no Liquibase history. */
        Existing builtByScriptUpTo20241() {
            sql(
                    "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL, "
                            + "created_at timestamptz NOT NULL DEFAULT now())",
                    "CREATE TABLE invoices (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),"
                            + " status varchar(16) NOT NULL DEFAULT 'open', note text)",
                    "CREATE INDEX idx_invoices_customer ON invoices (customer_id)");
            return this;
        }

        /** The schema of 2024.2 as a psql script made it: no Liquibase history. */
        Existing builtByScriptUpTo20242() {
            builtByScriptUpTo20241();
            sql(
                    "CREATE TABLE invoice_lines (id bigserial PRIMARY KEY, "
                            + "invoice_id bigint NOT NULL CONSTRAINT fk_lines_invoice REFERENCES invoices (id), "
                            + "amount numeric(14,2) NOT NULL)",
                    "CREATE FUNCTION invoice_total(p_invoice bigint) RETURNS numeric AS $$ SELECT coalesce(sum(amount), 0) "
                            + "FROM invoice_lines WHERE invoice_id = p_invoice $$ LANGUAGE sql",
                    "INSERT INTO customers (name) VALUES ('first customer')");
            return this;
        }

        List<String> historyTags() {
            return Sql.column(
                    database, "SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted");
        }

        boolean columnExists(String table, String column) {
            return !Sql.column(
                            database,
                            "SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                            table,
                            column)
                    .isEmpty();
        }

        void sql(String... statements) {
            try (Connection connection = owner();
                    var statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Connection owner() throws Exception {
            Properties properties = new Properties();
            properties.setProperty("user", role);
            properties.setProperty("password", password);
            properties.setProperty("ApplicationName", PREVIOUS_TOOL);
            String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
            String port = System.getenv().getOrDefault("PGPORT", "5432");
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
        }
    }

    /** Creates database and role as the old fleet's operator did, and has the fleet drop them afterwards. */
    private static Existing existing(String slug) {
        Existing db = new Existing(slug);
        FLEET.created(db.database, db.role);
        Sql.execute("postgres", "CREATE ROLE \"" + db.role + "\" LOGIN PASSWORD '" + db.password + "'");
        Sql.execute("postgres", "CREATE DATABASE \"" + db.database + "\" OWNER \"" + db.role + "\"");
        return db;
    }

    private record Run(int exitCode, String output) {}

    private static Run tenantctl(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                RunningFleet.root().resolve("tenantctl/target/tenantctl.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(FLEET.tenantctlEnv());
        env.putAll(extraEnv);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
