package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.FleetApi.api;
import static dev.tenantfleet.systemtest.Releases.headOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.testsupport.BrokerProbe;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tenant-service replicas (separate processes, separate HTTP ports) against one control database and one vhost,
 * with the fleet's migration-worker: provisioning and releases go through both, one is killed mid-release, and
 * each release still runs exactly once and can be steered through either replica.
 */
@ExtendWith(RunningFleet.class)
class ReplicaSystemTest {
    private static final String TARGET = "v1.4";
    private static int secondPort;
    private static RunningFleet.Replica second;

    @BeforeAll
    static void pickPort() throws Exception {
        secondPort = FreePorts.one();
    }

    /** The fleet's own tenant-service is the first replica; each test finds the second one running. */
    @BeforeEach
    void startSecondReplica() throws Exception {
        if (second == null || !second.process().isAlive()) {
            second = RunningFleet.get().startReplica("tenant-service-2", secondPort);
        }
    }

    @AfterAll
    static void stopSecondReplica() throws Exception {
        if (second != null) {
            second.stop(); // the other system tests run against one tenant-service
        }
    }

    @Test
    void shouldCompleteTheReleaseExactlyOnceWhenTheReplicaThatStartedItIsKilled() throws Exception {
        List<String> slugs = provisionThroughBoth("kill", 6);
        String held = slugs.get(0);
        try (BrokerProbe results = BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, RoutingKeys.ALL_TENANT_RESULTS);
                BrokerProbe events = BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, RoutingKeys.ALL_RELEASE_EVENTS)) {
            String id;
            try (Connection lock = Releases.holdContactsLock(held)) {
                id = Releases.start(FleetApi.api(second.uri()), slugs,
                        Map.of("targetTag", TARGET, "concurrency", 2, "tenantTimeoutSeconds", 120));
                // mid-release: one tenant blocked on the worker, others already migrated, the rest still pending
                await("release " + id + " under way").atMost(Duration.ofSeconds(60)).until(() ->
                        Releases.migrationIsWaiting(held) && statesOf(id).contains("MIGRATED"));
                second.kill();
                lock.rollback();
            }

            JsonPath release = Releases.awaitStatus(id, "COMPLETED"); // through the surviving replica

            assertThat(release.getList("tenants.slug")).containsExactlyInAnyOrderElementsOf(slugs);
            assertThat(release.getList("tenants.state")).containsOnly("MIGRATED");
            assertThat(release.getList("tenants.attempts")).as("no tenant dispatched twice").containsOnly(1);
            List<Map<String, Object>> log = logOf(id);
            for (String slug : slugs) {
                assertThat(log).filteredOn(row -> slug.equals(row.get("slug"))).extracting(row -> row.get("event"))
                        .as("release log of " + slug).containsOnlyOnce("MIGRATING", "MIGRATED")
                        .doesNotContain("FAILED");
                assertThat(headOf(slug)).isEqualTo(TARGET);
                assertThat(Sql.column(FleetApi.databaseOf(slug), "SELECT count(*) - count(DISTINCT id || author || filename)"
                        + " FROM databasechangelog")).as("changesets applied twice to " + slug).containsExactly("0");
                // the outbox delivers at least once: a replica killed between the broker's confirm and its commit
                // leaves the command to be sent again by the other, and the worker then finds nothing left to apply
                List<String> runs = workerRunsOf(slug, id);
                assertThat(runs).as("the worker's runs for " + slug).isNotEmpty().noneMatch(run -> run.contains("failed"));
                assertThat(runs).extracting(run -> run.substring(0, run.indexOf(':'))).as("one command").containsOnly(runs.get(0)
                        .substring(0, runs.get(0).indexOf(':')));
                assertThat(runs).filteredOn(run -> !run.contains("migrated, 0 changesets")).as("applied once").hasSize(1);
            }
            assertThat(log).filteredOn(row -> row.get("slug") == null).extracting(row -> row.get("event"))
                    .containsOnlyOnce("STARTED", "COMPLETED");
            assertThat(maxInFlight(id)).as("most tenants in flight at once, concurrency 2").isEqualTo(2);
            // nothing lost: a result for every tenant reached the broker, and the release announced its end
            await("every event on the broker").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String slug : slugs) {
                    assertThat(results.received()).filteredOn(m -> m.body().contains("\"releaseId\":\"" + id + "\"")
                            && m.body().contains("\"slug\":\"" + slug + "\"")).extracting(BrokerProbe.Received::routingKey)
                            .isNotEmpty().allMatch(key -> key.startsWith("result.tenant.migrated."));
                    assertThat(events.received()).filteredOn(m -> m.routingKey().equals(
                            RoutingKeys.releaseEvent(java.util.UUID.fromString(id), "tenant.migrated"))
                            && m.body().contains("\"slug\":\"" + slug + "\"")).isNotEmpty();
                }
                assertThat(events.received()).filteredOn(m -> m.routingKey().equals(
                        RoutingKeys.releaseEvent(java.util.UUID.fromString(id), "completed")))
                        .extracting(BrokerProbe.Received::messageId).as("one completed event (re-sent at most under its id)")
                        .isNotEmpty().containsOnly(messageIdOfFirst(events, id));
            });
        }
    }

    @Test
    void shouldResumeAndRollBackThroughTheOtherReplicaAReleaseStartedOnOne() {
        List<String> slugs = provisionThroughBoth("handover", 3);
        String broken = slugs.get(2);
        Releases.sabotage(broken);
        String id = Releases.start(api(), slugs, Map.of("targetTag", TARGET, "concurrency", 1, "failurePolicy", "HALT"));

        JsonPath halted = awaitStatusOn(second.uri(), id, "HALTED"); // a release is visible on every replica
        assertThat(Releases.stateOf(halted, broken)).isEqualTo("FAILED");

        Releases.repair(broken);
        FleetApi.api(second.uri()).post("/api/releases/" + id + "/resume").then().statusCode(202);
        awaitStatusOn(second.uri(), id, "COMPLETED");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo(TARGET));

        FleetApi.api(second.uri()).post("/api/releases/" + id + "/rollback").then().statusCode(202);
        JsonPath rolledBack = Releases.awaitStatus(id, "ROLLED_BACK");

        assertThat(rolledBack.getList("tenants.state")).containsOnly("ROLLED_BACK");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo(RunningFleet.PROVISIONING_TAG));
        List<Map<String, Object>> log = logOf(id);
        assertThat(log).extracting(row -> row.get("event")).contains("RESUMED", "ROLLBACK_REQUESTED");
        for (String slug : slugs) {
            assertThat(log).filteredOn(row -> slug.equals(row.get("slug"))).extracting(row -> row.get("event"))
                    .containsOnlyOnce("ROLLING_BACK", "ROLLED_BACK");
        }
    }

    @Test
    void shouldAcceptOnlyOneOfTwoReleasesRequestedAtOnceThroughBothReplicas() throws Exception {
        List<String> slugs = provisionThroughBoth("race", 2);
        Map<String, Object> body = Releases.body(slugs, Map.of("targetTag", "v1.3"));
        List<CompletableFuture<Response>> requests = new ArrayList<>();
        List<Response> answers;
        // The preflight reads every targeted history; holding one makes both requests be in their preflight at once,
        // as two deploy jobs are on a fleet whose histories take seconds to read.
        try (Connection history = holdHistory(slugs.get(0))) {
            for (String uri : List.of(RunningFleet.get().tenantServiceUri(), second.uri())) {
                requests.add(CompletableFuture.supplyAsync(() -> FleetApi.api(uri).body(body).post("/api/releases")));
            }
            await("both requests in their preflight or queued behind the other").atMost(Duration.ofSeconds(30))
                    .until(() -> lockWaits(FleetApi.databaseOf(slugs.get(0))) + lockWaits(RunningFleet.get().controlDatabase) >= 2);
            history.rollback();
            answers = requests.stream().map(CompletableFuture::join).toList();
        }
        List<String> accepted = answers.stream().filter(answer -> answer.statusCode() == 202)
                .map(answer -> answer.<String>path("id")).toList();
        try {
            assertThat(answers).extracting(Response::statusCode).as("one release at a time, whichever replica")
                    .containsExactlyInAnyOrder(202, 422);
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 422).singleElement()
                    .satisfies(refused -> assertThat(refused.<String>path("detail")).contains("one release at a time"));
        } finally {
            // whatever happened, leave no release running for the next test
            accepted.forEach(id -> await().atMost(Duration.ofSeconds(90)).until(() ->
                    !List.of("RUNNING", "PAUSED", "HALTING", "ROLLING_BACK").contains(api().get("/api/releases/" + id)
                            .then().extract().<String>path("status"))));
        }
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.3"));
    }

    /** Opens a transaction that holds an ACCESS EXCLUSIVE lock on the tenant's Liquibase history: reading it waits. */
    private static Connection holdHistory(String slug) throws Exception {
        Connection connection = Sql.connect(FleetApi.databaseOf(slug));
        connection.setAutoCommit(false);
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE databasechangelog IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    /** How many sessions wait on a lock in {@code database}. */
    private static int lockWaits(String database) {
        return Sql.column("postgres", "SELECT pid FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'",
                database).size();
    }

    /** Provisions {@code count} tenants, every other one through the second replica; waits until all are ACTIVE. */
    private static List<String> provisionThroughBoth(String prefix, int count) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String slug = FleetApi.randomSlug(prefix + i);
            FleetApi.createTenant(i % 2 == 0 ? api() : FleetApi.api(second.uri()), slug, null);
            slugs.add(slug);
        }
        slugs.forEach(slug -> FleetApi.awaitStatus(slug, "ACTIVE"));
        return slugs.stream().sorted().toList();
    }

    private static List<String> statesOf(String releaseId) {
        return api().get("/api/releases/" + releaseId).then().extract().jsonPath().getList("tenants.state");
    }

    private static JsonPath awaitStatusOn(String uri, String releaseId, String status) {
        await("release " + releaseId + " " + status + " on " + uri).atMost(Duration.ofSeconds(90)).until(() ->
                status.equals(FleetApi.api(uri).get("/api/releases/" + releaseId).then().extract().path("status")));
        return FleetApi.api(uri).get("/api/releases/" + releaseId).then().extract().jsonPath();
    }

    private static List<Map<String, Object>> logOf(String releaseId) {
        return api().get("/api/releases/" + releaseId + "/log").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** What the worker's log says each run of the release's commands for the tenant did: "command <id>: <outcome>". */
    private static List<String> workerRunsOf(String slug, String releaseId) throws Exception {
        String label = "migrate-tenant " + slug + " command ";
        return RunningFleet.get().logs().lines().filter(line -> line.contains(label) && line.contains(releaseId)
                && (line.contains(": migrated, ") || line.contains(": failed with ")))
                .map(line -> line.substring(line.indexOf(label) + label.length())).toList();
    }

    /** The most tenants of the release in flight at one time, from when each was dispatched and settled. */
    private static int maxInFlight(String releaseId) {
        return Integer.parseInt(Sql.column(RunningFleet.get().controlDatabase, """
                SELECT max((SELECT count(*) FROM release_tenant other WHERE other.release_id = t.release_id
                            AND other.dispatched_at <= t.dispatched_at AND other.finished_at > t.dispatched_at))
                FROM release_tenant t WHERE t.release_id = ?::uuid""", releaseId).get(0));
    }

    private static String messageIdOfFirst(BrokerProbe events, String releaseId) {
        return events.received().stream().filter(m -> m.routingKey().equals(
                RoutingKeys.releaseEvent(java.util.UUID.fromString(releaseId), "completed")))
                .map(BrokerProbe.Received::messageId).findFirst().orElse("none");
    }
}
