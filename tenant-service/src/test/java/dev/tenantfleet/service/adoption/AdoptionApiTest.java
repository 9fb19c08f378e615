package dev.tenantfleet.service.adoption;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Api.randomSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.ExistingDatabase;
import dev.tenantfleet.service.support.PostgresAdmin;
import dev.tenantfleet.testsupport.OwnVhost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adopting databases that exist before Tenant Fleet knows them, through the API, against real databases on the local
 * PostgreSQL (the example changelog run by Liquibase as "the other tool"). In a throw-away RabbitMQ vhost.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
@WithTestResource(OwnVhost.class)
class AdoptionApiTest {
    private final List<ExistingDatabase> databases = new ArrayList<>();
    private final List<String> adopted = new ArrayList<>();

    @AfterEach
    void forgetAdoptedTenantsAndDropTheirDatabases() {
        // deactivated tenants are not targeted by releases nor inspected by fleet status of later tests
        adopted.forEach(slug ->
                authenticated().body(Map.of("reason", "test over")).post("/api/tenants/" + slug + "/deactivate"));
        databases.forEach(ExistingDatabase::close);
    }

    @Test
    void shouldAdoptADatabaseAtItsLiquibaseHeadWithoutTouchingItAndAnnounceIt() throws Exception {
        ExistingDatabase db = existing().migratedTo("v1.1");
        String slug = adopt(randomSlug("hist"));
        List<String> historyBefore = db.column("SELECT id || md5sum FROM databasechangelog ORDER BY orderexecuted");

        JsonPath result = authenticated()
                .body(row(slug, db, null))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/tenants/" + slug))
                .extract()
                .jsonPath();

        assertThat(result.getString("outcome")).isEqualTo("REGISTERED");
        assertThat(result.getString("schemaHead")).isEqualTo("v1.1");
        assertThat(result.getBoolean("baselined")).isFalse();
        authenticated()
                .get("/api/tenants/" + slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("schemaHead", equalTo("v1.1"))
                .body("database", equalTo(db.database))
                .body("role", equalTo(db.role))
                .body("server", equalTo("local"))
                .body("provisioningStep", equalTo(null));
        authenticated()
                .get("/api/tenants/" + slug + "/audit")
                .then()
                .body("[0].action", equalTo("ADOPTED"))
                .body("[0].toStatus", equalTo("ACTIVE"))
                .body("[0].details", containsString("v1.1"));
        assertThat(db.column("SELECT id || md5sum FROM databasechangelog ORDER BY orderexecuted"))
                .isEqualTo(historyBefore);
        assertThat(outboxTypesOf(slug)).containsExactly("tenantfleet.tenant.adopted.v1");
        assertThat(controlDatabaseDump(slug)).doesNotContain(db.password);
        assertThat(authenticated().get("/api/tenants/" + slug).asString()).doesNotContain(db.password);

        authenticated()
                .get("/api/fleet/status")
                .then()
                .statusCode(200)
                .body("behind.slug", hasItem(slug))
                .body("drifted.slug", not(hasItem(slug)));
        authenticated()
                .body(row(slug, db, null))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ALREADY_REGISTERED"))
                .body("schemaHead", equalTo("v1.1"));
    }

    @Test
    void shouldBaselineADatabaseAnotherToolMigratedSoOnlyWhatIsNewIsPending() throws Exception {
        ExistingDatabase db = existing().migratedTo("v1.2").withoutHistory();
        String slug = adopt(randomSlug("base"));
        authenticated()
                .body(row(slug, db, Map.of("baselineTag", "v1.2")))
                .queryParam("dryRun", true)
                .post("/api/tenants/adopt")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("VALID"))
                .body("baselined", equalTo(true));
        assertThat(db.column("SELECT to_regclass('databasechangelog')::text")).containsOnlyNulls();

        authenticated()
                .body(row(slug, db, Map.of("baselineTag", "v1.2", "status", "read_only")))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(201)
                .body("schemaHead", equalTo("v1.2"))
                .body("baselined", equalTo(true));

        assertThat(db.column("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted"))
                .containsExactly("v1.0", "v1.1", "v1.2");
        assertThat(db.column("SELECT count(*) FROM databasechangelog"))
                .containsExactly(
                        String.valueOf(ExistingDatabase.CRM.upTo("v1.2").size()));
        assertThat(db.column("SELECT owner FROM (SELECT tableowner AS owner FROM pg_tables "
                        + "WHERE tablename = 'databasechangelog') t"))
                .containsExactly(db.role);
        authenticated()
                .get("/api/tenants/" + slug)
                .then()
                .body("status", equalTo("READ_ONLY"))
                .body("schemaHead", equalTo("v1.2"));
        JsonPath plan = authenticated()
                .queryParam("target", "v1.4")
                .queryParam("only", slug)
                .get("/api/releases/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(plan.getList("tenants[0].pending"))
                .hasSize(ExistingDatabase.CRM.changeSets().size()
                        - ExistingDatabase.CRM.upTo("v1.2").size());
        assertThat(plan.getList("tenants[0].drift")).isEmpty();
    }

    @Test
    void shouldRefuseABaselineWhoseTablesAreMissingNamingThemAndRecordNothing() throws Exception {
        ExistingDatabase db = existing().migratedTo("v1.2").withoutHistory();
        String slug = randomSlug("missing");

        JsonPath problem = authenticated()
                .body(row(slug, db, Map.of("baselineTag", "v1.4")))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("ADOPTION_REJECTED"))
                .extract()
                .jsonPath();

        assertThat(problem.getList("problems.code")).containsExactly("BASELINE_TABLES_MISSING");
        assertThat(problem.getString("problems[0].message"))
                .contains("projects")
                .contains("v1.4");
        assertThat(problem.getString("detail")).contains(slug).contains("projects");
        authenticated().get("/api/tenants/" + slug).then().statusCode(404);
        assertThat(db.column("SELECT to_regclass('databasechangelog')::text")).containsOnlyNulls();
    }

    @Test
    void shouldRefuseDriftAnIncompleteHistoryAndAnUntrackedSchema() throws Exception {
        ExistingDatabase drifted = existing().migratedTo("v1.1");
        drifted.sql(
                "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000' WHERE orderexecuted = 2");
        ExistingDatabase incomplete = existing().migratedTo("v1.1");
        incomplete.sql("DELETE FROM databasechangelog WHERE orderexecuted = 3");
        ExistingDatabase untracked = existing().migratedTo("v1.0").withoutHistory();
        ExistingDatabase otherRoot = existing().migratedTo("v1.0");
        otherRoot.sql("UPDATE databasechangelog SET filename = 'src/main/resources/' || filename");

        assertThat(rejectedCodes(row(randomSlug("drift"), drifted, null))).containsExactly("CHANGELOG_HISTORY_DRIFT");
        JsonPath root = authenticated()
                .body(row(randomSlug("root"), otherRoot, null))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(root.getList("problems.code")).containsExactly("CHANGELOG_HISTORY_DRIFT"); // one cause, one problem
        assertThat(root.getString("problems[0].message"))
                .contains("under other file paths")
                .contains("'src/main/resources/crm-changelog/releases/v1.0.xml' where the changelog has "
                        + "'crm-changelog/releases/v1.0.xml'");
        assertThat(rejectedCodes(row(randomSlug("gap"), incomplete, null)))
                .containsExactly("CHANGELOG_HISTORY_INCOMPLETE");
        assertThat(rejectedCodes(row(randomSlug("untracked"), untracked, null))).containsExactly("UNTRACKED_SCHEMA");
    }

    @Test
    void shouldImportCsvValidatingEveryRowFirstAndReportingEveryProblemThenRegisterOnlyTheValidOnes() throws Exception {
        ExistingDatabase good = existing().migratedTo("v1.0");
        ExistingDatabase empty = existing();
        ExistingDatabase noCreate = existing();
        try (Connection admin = PostgresAdmin.connect(noCreate.database)) {
            admin.createStatement().execute("ALTER SCHEMA public OWNER TO postgres");
        }
        String deadServer = "dead-" + randomSlug("s").substring(2);
        authenticated()
                .body(Map.of("name", deadServer, "host", "127.0.0.1", "port", 1, "adminCredentialsRef", "local"))
                .post("/api/servers")
                .then()
                .statusCode(201);
        String ok = adopt(randomSlug("ok"));
        String fresh = adopt(randomSlug("fresh"));
        String twice = randomSlug("twice");
        String csv = String.join(
                "\n",
                "Slug,Name,Server,Database,Role,Password,Status",
                "# the fleet as the old deploy script knew it",
                ok + ",Good Co,local," + good.database + "," + good.role + "," + good.password + ",active",
                fresh + ",\"Fresh, Inc.\",," + empty.database + "," + empty.role + "," + empty.password + ",",
                "Bad_Slug,Bad,local," + good.database + "x," + good.role + ",x,ACTIVE",
                twice + ",One,local,tft_adopt_nope1,postgres,,ACTIVE",
                twice + ",Two,nowhere,tft_adopt_nope2,postgres,,ACTIVE",
                randomSlug("nodb") + ",No DB,local,tft_adopt_no_such_db,postgres,,ACTIVE",
                randomSlug("norole") + ",No role,local,postgres,tft_adopt_no_such_role,x,ACTIVE",
                randomSlug("priv") + ",No create,local," + noCreate.database + "," + noCreate.role + ","
                        + noCreate.password + ",deleted",
                randomSlug("dead") + ",Dead," + deadServer + ",tft_adopt_x,someone,x,SUSPENDED",
                "too,many,fields,a,b,c,d,e,f");

        JsonPath dryRun = authenticated()
                .contentType("text/csv")
                .body(csv)
                .queryParam("dryRun", true)
                .post("/api/tenants/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dryRun.getBoolean("dryRun")).isTrue();
        assertThat(dryRun.getInt("valid")).isEqualTo(2);
        assertThat(dryRun.getInt("registered")).isZero();
        assertThat(dryRun.getInt("rejected")).isEqualTo(8);
        authenticated().get("/api/tenants/" + ok).then().statusCode(404);

        JsonPath report = importCsv(csv);

        assertThat(report.getInt("total")).isEqualTo(10);
        assertThat(report.getInt("registered")).isEqualTo(2);
        assertThat(report.getInt("rejected")).isEqualTo(8);
        assertThat(codesOfLine(report, 3)).isEmpty();
        assertThat(report.getString("rows.find { it.line == 3 }.schemaHead")).isEqualTo("v1.0");
        assertThat(report.getString("rows.find { it.line == 4 }.notes[0]")).contains("empty database");
        // every problem of every row at once: field problems do not stop the database from being looked at
        assertThat(codesOfLine(report, 5)).containsExactlyInAnyOrder("INVALID_SLUG", "TENANT_DATABASE_NOT_FOUND");
        assertThat(codesOfLine(report, 6)).containsExactlyInAnyOrder("DUPLICATE_SLUG", "TENANT_DATABASE_NOT_FOUND");
        assertThat(codesOfLine(report, 7)).containsExactlyInAnyOrder("SERVER_NOT_FOUND", "DUPLICATE_SLUG");
        assertThat(codesOfLine(report, 8)).containsExactly("TENANT_DATABASE_NOT_FOUND");
        assertThat(codesOfLine(report, 9)).containsExactly("TENANT_DATABASE_CREDENTIALS");
        assertThat(codesOfLine(report, 10)).containsExactlyInAnyOrder("INVALID_REQUEST", "TENANT_DATABASE_PRIVILEGES");
        assertThat(codesOfLine(report, 11)).containsExactly("TENANT_DATABASE_UNREACHABLE");
        assertThat(codesOfLine(report, 12)).containsExactly("INVALID_REQUEST");
        authenticated()
                .get("/api/tenants/" + fresh)
                .then()
                .body("name", equalTo("Fresh, Inc."))
                .body("schemaHead", equalTo(null));

        JsonPath again = importCsv(csv);
        assertThat(again.getInt("registered")).isZero();
        assertThat(again.getInt("alreadyRegistered")).isEqualTo(2);
        assertThat(again.getInt("rejected")).isEqualTo(8);
        assertThat(outboxTypesOf(ok)).containsExactly("tenantfleet.tenant.adopted.v1");
    }

    @Test
    void shouldValidateThousandsOfRowsAtOnceWithoutOneTimeoutPerRowOfADeadServer() {
        String deadServer = "dead-" + randomSlug("t").substring(2);
        authenticated()
                .body(Map.of("name", deadServer, "host", "127.0.0.1", "port", 1, "adminCredentialsRef", "local"))
                .post("/api/servers")
                .then()
                .statusCode(201);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Map<String, Object> row = new HashMap<>(Map.of(
                    "slug",
                    randomSlug("bulk"),
                    "name",
                    "Bulk " + i,
                    "database",
                    "tft_bulk_" + i,
                    "username",
                    "bulk_" + i,
                    "password",
                    "secret-" + i));
            row.put("server", i % 3 == 0 ? "no-such-server" : deadServer);
            rows.add(row);
        }
        long start = System.nanoTime();

        JsonPath report = authenticated()
                .body(rows)
                .post("/api/tenants/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(report.getInt("total")).isEqualTo(3000);
        assertThat(report.getInt("rejected")).isEqualTo(3000);
        List<String> codes = report.getList("rows.collect { it.problems[0].code }");
        assertThat(codes).containsOnly("SERVER_NOT_FOUND", "TENANT_DATABASE_UNREACHABLE");
        assertThat(codes.stream().filter("SERVER_NOT_FOUND"::equals)).hasSize(1000);
        assertThat(report.getString("rows.find { it.line == 2 }.problems[0].message"))
                .contains(deadServer)
                .contains("does not accept connections");
    }

    @Test
    void shouldRefuseMalformedImportsAsAWhole() {
        authenticated()
                .contentType("text/csv")
                .body("slug,name,colour\nacme,Acme,blue")
                .post("/api/tenants/import")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("detail", containsString("colour"));
        authenticated()
                .contentType("text/csv")
                .body("slug,name\nacme,Acme")
                .post("/api/tenants/import")
                .then()
                .statusCode(400)
                .body("detail", containsString("[database, username]"));
        authenticated()
                .body(List.of())
                .post("/api/tenants/import")
                .then()
                .statusCode(400)
                .body("detail", containsString("no rows"));
        authenticated().body("{\"slug\":").post("/api/tenants/adopt").then().statusCode(400);
        authenticated()
                .body(Map.of(
                        "slug", randomSlug("tag"), "name", "x", "database", "x", "username", "x", "baselineTag", "v9"))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(422)
                .body("problems[0].field", equalTo("baselineTag"))
                .body("problems[0].message", containsString("v1.4"));
    }

    private ExistingDatabase existing() {
        ExistingDatabase db = ExistingDatabase.create();
        databases.add(db);
        return db;
    }

    private String adopt(String slug) {
        adopted.add(slug);
        return slug;
    }

    private static Map<String, Object> row(String slug, ExistingDatabase db, Map<String, Object> extra) {
        Map<String, Object> row = new HashMap<>(Map.of(
                "slug",
                slug,
                "name",
                "Adopted " + slug,
                "server",
                "local",
                "database",
                db.database,
                "username",
                db.role,
                "password",
                db.password));
        if (extra != null) {
            row.putAll(extra);
        }
        return row;
    }

    private static List<String> rejectedCodes(Map<String, Object> row) {
        return authenticated()
                .body(row)
                .post("/api/tenants/adopt")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath()
                .getList("problems.code");
    }

    private static JsonPath importCsv(String csv) {
        return authenticated()
                .contentType("text/csv")
                .body(csv)
                .post("/api/tenants/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> codesOfLine(JsonPath report, int line) {
        return report.getList("rows.find { it.line == " + line + " }.problems.code");
    }

    private static List<String> outboxTypesOf(String slug) throws Exception {
        try (Connection connection = PostgresAdmin.connect(ControlDatabase.NAME);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT type FROM outbox WHERE payload LIKE ? ORDER BY id")) {
            statement.setString(1, "%\"slug\":\"" + slug + "\"%");
            List<String> types = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    private static String controlDatabaseDump(String slug) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = PostgresAdmin.connect(ControlDatabase.NAME)) {
            for (String table : List.of("tenant", "tenant_audit", "outbox")) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT x::text FROM " + table + " x")) {
                    while (rows.next()) {
                        dump.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}
