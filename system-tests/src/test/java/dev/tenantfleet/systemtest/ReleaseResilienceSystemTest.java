package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.Releases.awaitStatus;
import static dev.tenantfleet.systemtest.Releases.headOf;
import static dev.tenantfleet.systemtest.Releases.provision;
import static dev.tenantfleet.systemtest.Releases.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Timeouts, crashed workers and a restarted control plane in the middle of a release. */
@ExtendWith(RunningFleet.class)
class ReleaseResilienceSystemTest {

    @Test
    void shouldCancelTimedOutTenantOnTheServerReportTheBlockerAndFreeTheLock() throws Exception {
        List<String> slugs = provision("slow", 1);
        String slug = slugs.get(0);
        String id;
        int blocker;
        try (Connection lock = Releases.holdContactsLock(slug)) {
            blocker = Releases.pidOf(lock);
            id = start(slugs, Map.of("targetTag", "v1.4", "tenantTimeoutSeconds", 3));
            JsonPath release = awaitStatus(id, "HALTED");
            String error = "tenants.find { it.slug == '" + slug + "' }.error";
            assertThat(release.getString(error + ".code")).isEqualTo("TIMEOUT");
            assertThat(release.getList(error + ".blockingSessions.pid")).contains(blocker);
            assertThat(headOf(slug)).isEqualTo("v1.2");
            // cancelled on the server: no session of the release is left waiting behind our lock
            assertThat(Releases.migrationIsWaiting(slug)).isFalse();
            lock.rollback();
        }
        Releases.awaitStatus(resume(id), "COMPLETED");
        assertThat(headOf(slug)).isEqualTo("v1.4");
    }

    @Test
    void shouldConvergeWhenTheWorkerIsKilledMidTenant() throws Exception {
        RunningFleet fleet = RunningFleet.get();
        List<String> slugs = provision("crash", 1);
        String slug = slugs.get(0);
        String id;
        try (Connection lock = Releases.holdContactsLock(slug)) {
            id = start(slugs, Map.of("targetTag", "v1.4", "tenantTimeoutSeconds", 120));
            await("migration blocked mid-tenant")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Releases.migrationIsWaiting(slug));
            fleet.killWorker();
            lock.rollback();
        }
        fleet.startWorker(); // the broker redelivers the unacked command; the killed session's transaction rolled back
        JsonPath release = awaitStatus(id, "COMPLETED");
        assertThat(release.getList("tenants.attempts"))
                .as("the redelivery is another attempt")
                .containsExactly(2);
        assertThat(headOf(slug)).isEqualTo("v1.4");
        assertThat(Sql.column(
                        FleetApi.databaseOf(slug),
                        "SELECT count(*) - count(DISTINCT id || author || filename) FROM databasechangelog"))
                .containsExactly("0");
    }

    @Test
    void shouldFinishTheReleaseAfterTenantServiceRestarts() throws Exception {
        RunningFleet fleet = RunningFleet.get();
        List<String> slugs = provision("restart", 2);
        String id;
        try (Connection lock = Releases.holdContactsLock(slugs.get(0))) {
            id = start(slugs, Map.of("targetTag", "v1.4", "concurrency", 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> Releases.migrationIsWaiting(slugs.get(0)));
            fleet.killTenantService();
            lock.rollback();
        }
        fleet.startTenantService();
        JsonPath release = awaitStatus(id, "COMPLETED");
        assertThat(release.getList("tenants.attempts")).containsOnly(1); // nothing applied twice
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.4"));
    }

    private static String resume(String id) {
        FleetApi.api().post("/api/releases/" + id + "/resume").then().statusCode(202);
        return id;
    }
}
