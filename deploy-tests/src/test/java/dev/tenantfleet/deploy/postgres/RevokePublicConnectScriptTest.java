package dev.tenantfleet.deploy.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenantfleet.deploy.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database servers' hardening script (ops/postgres/initdb, run by the postgres containers of docker-compose.yml on
 * their first start) against the local PostgreSQL, on throw-away databases and roles only: a tenant role can no longer
 * open the databases it names, their owners and the admin still can, and other databases are left alone. Runs psql,
 * as the postgres image does; skipped without psql on the PATH or a PostgreSQL answering on PGHOST:PGPORT (127.0.0.1:5432).
 */
class RevokePublicConnectScriptTest {
    private static final Path SCRIPT = Repo.root().resolve("ops/postgres/initdb/10-revoke-public-connect.sql");
    private static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("PGPORT", "5432");

    private final String prefix = "tf_harden_" + UUID.randomUUID().toString().substring(0, 8);
    private final String control = prefix + "_control";
    private final String other = prefix + "_other";
    private final String tenant = prefix + "_tenant";
    private final String owner = prefix + "_owner";

    @BeforeEach
    void createDatabasesAndRoles() throws Exception {
        assumeTrue(psqlAvailable(), "psql is not on the PATH or PostgreSQL does not answer on " + HOST + ":" + PORT);
        admin("postgres", "CREATE ROLE \"" + tenant + "\" LOGIN");
        admin("postgres", "CREATE ROLE \"" + owner + "\" LOGIN");
        admin("postgres", "CREATE DATABASE \"" + control + "\" OWNER \"" + owner + "\"");
        admin("postgres", "CREATE DATABASE \"" + other + "\"");
    }

    @AfterEach
    void dropThem() throws Exception {
        if (psqlAvailable()) {
            admin("postgres", "DROP DATABASE IF EXISTS \"" + control + "\" WITH (FORCE)");
            admin("postgres", "DROP DATABASE IF EXISTS \"" + other + "\" WITH (FORCE)");
            admin("postgres", "DROP ROLE IF EXISTS \"" + tenant + "\"");
            admin("postgres", "DROP ROLE IF EXISTS \"" + owner + "\"");
        }
    }

    @Test
    void shouldShutATenantRoleOutOfTheNamedDatabasesOnly() throws Exception {
        assertThat(connect(tenant, control).exit())
                .as("before: PUBLIC may connect")
                .isZero();

        Result run = psql(
                "postgres", control, List.of("-v", "databases=" + control + ", " + control, "-f", SCRIPT.toString()));

        assertThat(run.exit()).as(run.output()).isZero();
        Result refused = connect(tenant, control);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("User does not have CONNECT privilege");
        assertThat(connect(owner, control).exit())
                .as("the owner still connects")
                .isZero();
        assertThat(connect("postgres", control).exit())
                .as("the admin still connects")
                .isZero();
        assertThat(connect(tenant, other).exit())
                .as("a database not named is left alone")
                .isZero();
        assertThat(query("SELECT has_database_privilege('" + tenant + "', '" + control + "', 'TEMPORARY')"))
                .isEqualTo("f");
    }

    @Test
    void shouldBeHarmlessToRunAgain() throws Exception {
        List<String> args = List.of("-v", "databases=" + control, "-f", SCRIPT.toString());
        assertThat(psql("postgres", control, args).exit()).isZero();

        Result again = psql("postgres", control, args);

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(connect(tenant, control).exit()).isNotZero();
    }

    /**
     * Without a list, as the postgres image runs it: postgres, template1 and the database it runs in. Run inside a
     * transaction that is rolled back, so that the shared local server's own postgres and template1 keep their grants.
     */
    @Test
    void shouldNamePostgresTemplate1AndItsOwnDatabaseByDefault() throws Exception {
        String check = "SELECT string_agg(datname || '=' || has_database_privilege('" + tenant
                + "', datname, 'CONNECT'),"
                + " ',' ORDER BY datname) FROM pg_database WHERE datname IN ('postgres', 'template1', '" + control
                + "', '" + other + "')";

        Result run = psql(
                "postgres",
                control,
                List.of("-tA", "-c", "BEGIN", "-f", SCRIPT.toString(), "-c", check, "-c", "ROLLBACK"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("postgres=false", "template1=false", control + "=false", other + "=true");
        assertThat(query("SELECT has_database_privilege('" + tenant + "', 'template1', 'CONNECT')"))
                .as("rolled back")
                .isEqualTo("t");
    }

    private Result connect(String role, String database) throws Exception {
        return psql(role, database, List.of("-tA", "-c", "SELECT 1"));
    }

    private static String query(String sql) throws Exception {
        Result result = psql("postgres", "postgres", List.of("-tA", "-c", sql));
        assertThat(result.exit()).as(result.output()).isZero();
        return result.output().strip();
    }

    private static void admin(String database, String sql) throws Exception {
        Result result = psql("postgres", database, List.of("-c", sql));
        assertThat(result.exit()).as(sql + ": " + result.output()).isZero();
    }

    /** psql as {@code role} (trust authentication, as DEVELOPERS.md sets the local server up), stopping at an error. */
    private static Result psql(String role, String database, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-p", PORT, "-U", role, "-d", database));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("psql finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** psql on the PATH and the local server answering: deploy-tests otherwise need no service, like kubectl. */
    private static boolean psqlAvailable() {
        try {
            Process ready = new ProcessBuilder("pg_isready", "-q", "-h", HOST, "-p", PORT).start();
            return new ProcessBuilder("psql", "--version").start().waitFor() == 0
                    && ready.waitFor(10, TimeUnit.SECONDS)
                    && ready.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exit, String output) {}
}
