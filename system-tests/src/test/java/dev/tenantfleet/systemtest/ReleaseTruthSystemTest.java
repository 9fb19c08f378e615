package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.FleetApi.api;
import static dev.tenantfleet.systemtest.FleetApi.databaseOf;
import static dev.tenantfleet.systemtest.Releases.headOf;
import static dev.tenantfleet.systemtest.Releases.provision;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A release never claims what it did not verify: every decision comes from each tenant database's own Liquibase
 * history, read during the release, whatever the registry's cached head says.
 */
@ExtendWith(RunningFleet.class)
class ReleaseTruthSystemTest {
    private static final String V13_PROJECTS =
            "crm-changelog/releases/v1.3.xml::v1.3-001-create-projects::tenant-fleet";

    @Test
    void shouldMigrateTenantsRestoredFromABackupTakenBeforeTheLastRelease() throws Exception {
        List<String> slugs = provision("restored", 2);
        List<Path> dumps = new ArrayList<>();
        for (String slug : slugs) {
            dumps.add(dump(databaseOf(slug)));
        }
        Tenantctl.Run first =
                Tenantctl.run("release", "migrate", "--target", "v1.4", "--only", String.join(",", slugs), "--wait");
        assertThat(first.exitCode()).as(first.output()).isZero();
        for (int i = 0; i < slugs.size(); i++) {
            restore(databaseOf(slugs.get(i)), dumps.get(i)); // as an operator restores a backup: drop, re-create
            assertThat(headOf(slugs.get(i))).isEqualTo(RunningFleet.PROVISIONING_TAG);
        }

        Tenantctl.Run again =
                Tenantctl.run("release", "migrate", "--target", "v1.4", "--only", String.join(",", slugs), "--wait");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output())
                .contains("2 migrated")
                .doesNotContain("skipped")
                .contains(slugs.get(0) + " MIGRATED v1.2 -> v1.4")
                .contains(slugs.get(1) + " MIGRATED v1.2 -> v1.4");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.4"));
        String releaseId = lastReleaseOf(slugs.get(0));
        assertThat(api().get("/api/releases/" + releaseId + "/log")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("details", String.class))
                .contains("cached head v1.4, database at v1.2: migrating");
    }

    @Test
    void shouldReportATenantMigratedAheadOutsideTheFleetAsAheadOfTheTarget() throws Exception {
        List<String> slugs = provision("ahead", 2);
        String ahead = slugs.get(0);
        Tenantctl.Run byHand = Tenantctl.run("release", "migrate", "--target", "v1.4", "--only", ahead, "--wait");
        assertThat(byHand.exitCode()).as(byHand.output()).isZero();
        // the registry forgets it: as if the tenant had been migrated by hand outside Tenant Fleet
        Sql.execute(
                RunningFleet.get().controlDatabase,
                "UPDATE tenant SET schema_head = 'v1.2' WHERE slug = '" + ahead + "'");

        Tenantctl.Run plan = Tenantctl.run("release", "plan", "--target", "v1.3", "--only", ahead);
        Tenantctl.Run run =
                Tenantctl.run("release", "migrate", "--target", "v1.3", "--only", String.join(",", slugs), "--wait");

        assertThat(plan.output()).as(plan.output()).contains("every tenant is ahead of the target v1.3");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("1 migrated, 1 ahead of the target")
                .contains(ahead + " AHEAD at v1.4")
                .contains("except 1 ahead of it")
                .doesNotContain("every targeted tenant is at the target\n");
        assertThat(headOf(ahead)).isEqualTo("v1.4");
        api().get("/api/tenants/" + ahead).then().body("schemaHead", Matchers.equalTo("v1.4"));
    }

    @Test
    void shouldFailATenantWhoseDatabaseIsUnreachableDuringThePreflightNeverSkipIt() throws Exception {
        String server = FleetApi.randomSlug("down");
        api().body(Map.of("name", server, "host", "127.0.0.1", "port", 5432, "adminCredentialsRef", "local"))
                .post("/api/servers")
                .then()
                .statusCode(201);
        String unreachable = FleetApi.randomSlug("down");
        FleetApi.createTenant(unreachable, server);
        FleetApi.awaitStatus(unreachable, "ACTIVE");
        String reachable = provision("up", 1).get(0);
        api().body(Map.of(
                        "name",
                        server,
                        "host",
                        "127.0.0.1",
                        "port",
                        FreePorts.two()[0],
                        "adminCredentialsRef",
                        "local"))
                .put("/api/servers/" + server)
                .then()
                .statusCode(200); // its server goes down

        Tenantctl.Run run = Tenantctl.run(
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--only",
                unreachable + "," + reachable,
                "--on-failure",
                "continue",
                "--wait");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains(unreachable + " FAILED")
                .contains("TRANSIENT_CONNECTIVITY")
                .contains("1 migrated, 1 failed")
                .doesNotContain("skipped");
        assertThat(headOf(reachable)).isEqualTo("v1.4");
        api().body(Map.of("name", server, "host", "127.0.0.1", "port", 5432, "adminCredentialsRef", "local"))
                .put("/api/servers/" + server)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldNameAChangesetAppliedByHandAsSchemaDriftBeforeTheReleaseTouchesTheTenant() throws Exception {
        List<String> slugs = provision("handrun", 2);
        String drifted = slugs.get(0);
        // v1.3-001 run by hand with psql: the most common real drift
        Sql.execute(databaseOf(drifted), "CREATE TABLE projects (id uuid PRIMARY KEY, name text NOT NULL)");

        JsonPath status =
                api().get("/api/fleet/status").then().statusCode(200).extract().jsonPath();
        Tenantctl.Run run = Tenantctl.run(
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--only",
                String.join(",", slugs),
                "--on-failure",
                "continue",
                "--wait");

        assertThat(status.getList("drifted.find { it.slug == '" + drifted + "' }.drift", String.class))
                .anySatisfy(reason -> assertThat(reason).contains(V13_PROJECTS, "table projects"));
        assertThat(status.getList("drifted.slug")).doesNotContain(slugs.get(1));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains(drifted + " FAILED")
                .contains("SCHEMA_DRIFT")
                .contains(V13_PROJECTS)
                .contains("changelog-sync")
                .doesNotContain("CHANGESET_SQL_ERROR");
        assertThat(headOf(drifted)).isEqualTo(RunningFleet.PROVISIONING_TAG);
        assertThat(headOf(slugs.get(1))).isEqualTo("v1.4");
    }

    @Test
    void shouldMigrateAnAdoptedEmptyDatabaseFromTheStartOfTheChangelog() throws Exception {
        String slug = FleetApi.randomSlug("empty");
        String database = databaseOf(slug);
        String role = database + "_owner";
        String password = "pw-" + UUID.randomUUID();
        Sql.execute("postgres", "CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + password + "'");
        Sql.execute("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + role + "\"");
        Sql.execute(database, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
        Sql.execute(database, "CREATE EXTENSION IF NOT EXISTS unaccent");
        api().body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Empty",
                        "server",
                        "local",
                        "database",
                        database,
                        "username",
                        role,
                        "password",
                        password))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(201);

        Tenantctl.Run run = Tenantctl.run("release", "migrate", "--target", "v1.4", "--only", slug, "--wait");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(slug + " MIGRATED (none) -> v1.4");
        assertThat(headOf(slug)).isEqualTo("v1.4");
    }

    private static String lastReleaseOf(String slug) {
        return api().get("/api/releases?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
    }

    private static Path dump(String database) throws Exception {
        Path file = Files.createTempFile(database, ".dump");
        exec("pg_dump", "-h", host(), "-U", "postgres", "-Fc", "-f", file.toString(), database);
        return file;
    }

    private static void restore(String database, Path dump) throws Exception {
        String owner = Sql.column(
                        "postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", database)
                .get(0);
        Sql.execute("postgres", "DROP DATABASE \"" + database + "\" WITH (FORCE)");
        Sql.execute("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\"");
        exec("pg_restore", "-h", host(), "-U", "postgres", "-d", database, dump.toString());
        Files.delete(dump);
    }

    private static void exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }

    private static String host() {
        return System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    }
}
