package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.FleetApi.api;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Release helpers for system tests: start, await, inspect, and break or hold tenant databases on purpose. */
final class Releases {
    private Releases() {}

    /** Provisions {@code count} tenants (at {@link RunningFleet#PROVISIONING_TAG}), waits until all are ACTIVE. */
    static List<String> provision(String prefix, int count) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String slug = FleetApi.randomSlug(prefix + i);
            FleetApi.createTenant(slug, null);
            slugs.add(slug);
        }
        slugs.forEach(slug -> FleetApi.awaitStatus(slug, "ACTIVE"));
        return slugs.stream().sorted().toList();
    }

    /** Starts a release restricted to {@code only} with the given spec fields; returns its id. */
    static String start(List<String> only, Map<String, Object> spec) {
        return start(api(), only, spec);
    }

    /** Starts a release through {@code api} (one replica) restricted to {@code only}; returns its id. */
    static String start(RequestSpecification api, List<String> only, Map<String, Object> spec) {
        return api.body(body(only, spec))
                .post("/api/releases")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** The body of {@code POST /api/releases} for a release restricted to {@code only}. */
    static Map<String, Object> body(List<String> only, Map<String, Object> spec) {
        Map<String, Object> full = new HashMap<>(spec);
        full.put("only", only);
        return Map.of("spec", full);
    }

    /** Waits until the release is in {@code status}; returns its view. */
    static JsonPath awaitStatus(String releaseId, String status) {
        await("release " + releaseId + " " + status)
                .atMost(Duration.ofSeconds(90))
                .until(() -> status.equals(
                        api().get("/api/releases/" + releaseId).then().extract().path("status")));
        return api().get("/api/releases/" + releaseId).then().extract().jsonPath();
    }

    /** The state of one tenant in a release view. */
    static String stateOf(JsonPath release, String slug) {
        return release.getString("tenants.find { it.slug == '" + slug + "' }.state");
    }

    /** The last tag the tenant database itself recorded. */
    static String headOf(String slug) {
        List<String> tags = Sql.column(
                FleetApi.databaseOf(slug),
                "SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted DESC LIMIT 1");
        return tags.isEmpty() ? null : tags.get(0);
    }

    /** How many changesets the tenant database recorded. */
    static int historySize(String slug) {
        return Integer.parseInt(Sql.column(FleetApi.databaseOf(slug), "SELECT count(*) FROM databasechangelog")
                .get(0));
    }

    /** Makes v1.3 fail on this tenant: a table it creates already exists (schema drift). */
    static void sabotage(String slug) {
        Sql.execute(FleetApi.databaseOf(slug), "CREATE TABLE projects (id int)");
    }

    /** Undoes {@link #sabotage}. */
    static void repair(String slug) {
        Sql.execute(FleetApi.databaseOf(slug), "DROP TABLE projects");
    }

    /** Opens a transaction that holds an ACCESS EXCLUSIVE lock on the tenant's contacts table (v1.4 alters it). */
    static Connection holdContactsLock(String slug) throws Exception {
        Connection connection = Sql.connect(FleetApi.databaseOf(slug));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = 'system-test-blocker'");
            statement.execute("LOCK TABLE contacts IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    /** The backend pid of a connection. */
    static int pidOf(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Whether some session of the tenant's role waits on a lock in its database (the migration is blocked). */
    static boolean migrationIsWaiting(String slug) {
        return !Sql.column(
                        "postgres",
                        "SELECT pid FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'",
                        FleetApi.databaseOf(slug))
                .isEmpty();
    }

    /** Opens a transaction that holds an ACCESS EXCLUSIVE lock on the tenant's Liquibase history: reading it waits. */
    static Connection holdHistory(String slug) throws Exception {
        Connection connection = Sql.connect(FleetApi.databaseOf(slug));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE databasechangelog IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    /** How many sessions wait on a lock in {@code database}. */
    static int lockWaits(String database) {
        return Sql.column(
                        "postgres",
                        "SELECT pid FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'",
                        database)
                .size();
    }

    /** The most tenants of the release in flight at one time, from when each was dispatched and settled. */
    static int maxInFlight(String releaseId) {
        return Integer.parseInt(
                Sql.column(RunningFleet.get().controlDatabase, """
                SELECT max((SELECT count(*) FROM release_tenant other WHERE other.release_id = t.release_id
                            AND other.dispatched_at <= t.dispatched_at AND other.finished_at > t.dispatched_at))
                FROM release_tenant t WHERE t.release_id = ?::uuid""", releaseId).get(0));
    }
}
