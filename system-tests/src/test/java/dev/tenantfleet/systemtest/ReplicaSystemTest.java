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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tenant-service replicas (separate processes, separate HTTP ports) against one control database and one vhost,
 * with the fleet's migration-worker: provisioning and releases go through both, one is killed mid-release, and
 * each release still runs exactly once and can be steered through either replica.
 */
@ExtendWith(RunningFleet.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(1)
    void shouldResumeAndRollBackThroughTheOtherReplicaAReleaseStartedOnOne() {
        List<String> slugs = provisionThroughBoth("handover", 3);
        String broken = slugs.get(2);
        Releases.sabotage(broken);
        String id =
                Releases.start(api(), slugs, Map.of("targetTag", TARGET, "concurrency", 1, "failurePolicy", "HALT"));

        JsonPath halted = awaitStatusOn(second.uri(), id, "HALTED"); // a release is visible on every replica
        assertThat(Releases.stateOf(halted, broken)).isEqualTo("FAILED");

        Releases.repair(broken);
        FleetApi.api(second.uri())
                .post("/api/releases/" + id + "/resume")
                .then()
                .statusCode(202);
        awaitStatusOn(second.uri(), id, "COMPLETED");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo(TARGET));

        FleetApi.api(second.uri())
                .post("/api/releases/" + id + "/rollback")
                .then()
                .statusCode(202);
        JsonPath rolledBack = Releases.awaitStatus(id, "ROLLED_BACK");

        assertThat(rolledBack.getList("tenants.state")).containsOnly("ROLLED_BACK");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo(RunningFleet.PROVISIONING_TAG));
        List<Map<String, Object>> log = logOf(id);
        assertThat(log).extracting(row -> row.get("event")).contains("RESUMED", "ROLLBACK_REQUESTED");
        for (String slug : slugs) {
            assertThat(log)
                    .filteredOn(row -> slug.equals(row.get("slug")))
                    .extracting(row -> row.get("event"))
                    .containsOnlyOnce("ROLLING_BACK", "ROLLED_BACK");
        }
    }

    @Test
    @Order(2)
    void shouldAcceptOnlyOneOfTwoReleasesRequestedAtOnceThroughBothReplicas() throws Exception {
        List<String> slugs = provisionThroughBoth("race", 2);
        Map<String, Object> body = Releases.body(slugs, Map.of("targetTag", "v1.3"));
        List<CompletableFuture<Response>> requests = new ArrayList<>();
        List<Response> answers;
        ExecutorService clients = Executors.newFixedThreadPool(2);
        // The preflight reads every targeted history; holding one makes both requests be in their preflight at once,
        // as two deploy jobs are on a fleet whose histories take seconds to read.
        try (Connection history = Releases.holdHistory(slugs.get(0))) {
            for (String uri : List.of(RunningFleet.get().tenantServiceUri(), second.uri())) {
                requests.add(CompletableFuture.supplyAsync(
                        () -> FleetApi.api(uri).body(body).post("/api/releases"), clients));
            }
            await("both requests in their preflight or queued behind the other")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Releases.lockWaits(FleetApi.databaseOf(slugs.get(0)))
                                    + Releases.lockWaits(RunningFleet.get().controlDatabase)
                            >= 2);
            history.rollback();
            answers = requests.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
        List<String> accepted = answers.stream()
                .filter(answer -> answer.statusCode() == 202)
                .map(answer -> answer.<String>path("id"))
                .toList();
        try {
            assertThat(answers)
                    .extracting(Response::statusCode)
                    .as("one release at a time, whichever replica")
                    .containsExactlyInAnyOrder(202, 422);
            assertThat(answers)
                    .filteredOn(answer -> answer.statusCode() == 422)
                    .singleElement()
                    .satisfies(refused ->
                            assertThat(refused.<String>path("detail")).contains("one release at a time"));
        } finally {
            // whatever happened, leave no release running for the next test
            accepted.forEach(id -> await().atMost(Duration.ofSeconds(90))
                    .until(() -> !List.of("RUNNING", "PAUSED", "HALTING", "ROLLING_BACK")
                            .contains(api().get("/api/releases/" + id)
                                    .then()
                                    .extract()
                                    .<String>path("status"))));
        }
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.3"));
    }

    @Test
    @Order(3) // last: it kills the second replica
    void shouldFinishTheReleaseAndTheProvisioningOfAKilledReplicaExactlyOnce() throws Exception {
        List<String> slugs = provisionThroughBoth("kill", 4);
        String held = slugs.get(0);
        try (SilentServer hung = new SilentServer();
                BrokerProbe results = BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, RoutingKeys.ALL_TENANT_RESULTS);
                BrokerProbe events = BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, RoutingKeys.ALL_RELEASE_EVENTS)) {
            // a tenant whose provisioning on the second replica stands still mid-step, on a server that hangs
            String server = FleetApi.randomSlug("hung");
            api().body(serverOn(server, hung.port()))
                    .post("/api/servers")
                    .then()
                    .statusCode(201);
            String orphan = FleetApi.randomSlug("orphan");
            FleetApi.createTenant(FleetApi.api(second.uri()), orphan, server);
            await("provisioning of " + orphan + " mid-step")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> hung.connections() > 0);
            // the server answers again, too late for the step already hanging on it: only another replica can finish it
            api().body(serverOn(server, 5432))
                    .put("/api/servers/" + server)
                    .then()
                    .statusCode(200);
            String id;
            try (Connection lock = Releases.holdContactsLock(held)) {
                id = Releases.start(
                        FleetApi.api(second.uri()),
                        slugs,
                        Map.of("targetTag", TARGET, "concurrency", 2, "tenantTimeoutSeconds", 120));
                // mid-release: one tenant blocked on the worker, another already migrated, the rest still pending
                await("release " + id + " under way")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> Releases.migrationIsWaiting(held)
                                && statesOf(id).contains("MIGRATED"));
                second.kill();
                lock.rollback();
            }

            JsonPath release = Releases.awaitStatus(id, "COMPLETED"); // through the surviving replica

            assertThat(release.getList("tenants.slug")).containsExactlyInAnyOrderElementsOf(slugs);
            assertThat(release.getList("tenants.state")).containsOnly("MIGRATED");
            assertThat(release.getList("tenants.attempts"))
                    .as("no tenant dispatched twice")
                    .containsOnly(1);
            List<Map<String, Object>> log = logOf(id);
            for (String slug : slugs) {
                ReleaseEvidence.assertMigratedOnce(slug, TARGET, id, log);
            }
            assertThat(log)
                    .filteredOn(row -> row.get("slug") == null)
                    .extracting(row -> row.get("event"))
                    .containsOnlyOnce("STARTED", "COMPLETED");
            assertThat(Releases.maxInFlight(id))
                    .as("most tenants in flight at once, concurrency 2")
                    .isEqualTo(2);
            await("every event on the broker")
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() ->
                            ReleaseEvidence.assertEveryEventPublished(slugs, UUID.fromString(id), results, events));
            // the killed replica's provisioning is finished by the other one, without a restart
            FleetApi.awaitStatus(orphan, "ACTIVE");
            assertThat(headOf(orphan)).isEqualTo(RunningFleet.PROVISIONING_TAG);
            assertThat(RunningFleet.get().logs())
                    .contains("Tenant " + orphan + ": resuming provisioning at CREATE_ROLE");
        }
    }

    private static Map<String, Object> serverOn(String name, int port) {
        return Map.of("name", name, "host", "127.0.0.1", "port", port, "adminCredentialsRef", "local");
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
        return api().get("/api/releases/" + releaseId)
                .then()
                .extract()
                .jsonPath()
                .getList("tenants.state");
    }

    private static JsonPath awaitStatusOn(String uri, String releaseId, String status) {
        await("release " + releaseId + " " + status + " on " + uri)
                .atMost(Duration.ofSeconds(90))
                .until(() -> status.equals(FleetApi.api(uri)
                        .get("/api/releases/" + releaseId)
                        .then()
                        .extract()
                        .path("status")));
        return FleetApi.api(uri)
                .get("/api/releases/" + releaseId)
                .then()
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> logOf(String releaseId) {
        return api().get("/api/releases/" + releaseId + "/log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }
}
