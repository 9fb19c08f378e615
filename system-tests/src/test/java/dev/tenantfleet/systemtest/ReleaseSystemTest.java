package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.FleetApi.api;
import static dev.tenantfleet.systemtest.Releases.awaitStatus;
import static dev.tenantfleet.systemtest.Releases.headOf;
import static dev.tenantfleet.systemtest.Releases.provision;
import static dev.tenantfleet.systemtest.Releases.start;
import static dev.tenantfleet.systemtest.Releases.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.testsupport.BrokerProbe;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fleet releases end to end: real tenant-service, real migration-worker, real tenant databases. */
@ExtendWith(RunningFleet.class)
class ReleaseSystemTest {

    @Test
    void shouldConvergeEveryTenantInCohortsBehindTheReadOnlyGate() throws Exception {
        List<String> slugs = provision("wave", 4);
        try (BrokerProbe events = BrokerProbe.bind(Exchanges.TENANT_EVENTS, "tenant.schema-changed.*")) {
            String id = start(slugs, Map.of("targetTag", "v1.4", "strategy", "COHORTS", "readOnlyGate", true));
            JsonPath release = awaitStatus(id, "COMPLETED");

            assertThat(release.getInt("cohorts")).isEqualTo(3); // canary 1, then 2, then 1
            assertThat(release.getList("tenants.state")).containsOnly("MIGRATED");
            slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.4"));
            for (String slug : slugs) {
                List<Map<String, Object>> audit = api().get("/api/tenants/" + slug + "/audit")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$");
                assertThat(audit)
                        .filteredOn(row -> ("release " + id).equals(row.get("actor")))
                        .extracting(row -> row.get("fromStatus") + "->" + row.get("toStatus"))
                        .containsExactly("ACTIVE->READ_ONLY", "READ_ONLY->ACTIVE");
                api().get("/api/tenants/" + slug)
                        .then()
                        .body("status", Matchers.equalTo("ACTIVE"))
                        .body("schemaHead", Matchers.equalTo("v1.4"));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> slugs.stream()
                            .allMatch(slug -> events.received().stream()
                                    .anyMatch(m ->
                                            m.body().contains(slug) && m.body().contains("\"toHead\":\"v1.4\""))));
        }
    }

    @Test
    void shouldHaltRestOfFleetWhenCanaryFailsAndConvergeOnResume() {
        List<String> slugs = provision("canary", 4);
        String canary = slugs.get(0);
        Releases.sabotage(canary);
        int historyBefore = Releases.historySize(canary);

        String id = start(slugs, Map.of("targetTag", "v1.4", "strategy", "COHORTS", "failurePolicy", "HALT"));
        JsonPath release = awaitStatus(id, "HALTED");

        assertThat(stateOf(release, canary)).isEqualTo("FAILED");
        assertThat(release.getString("tenants.find { it.slug == '" + canary + "' }.error.code"))
                .isEqualTo("SCHEMA_DRIFT");
        assertThat(release.getString("reason")).contains("cohort 1/3 failed");
        slugs.subList(1, 4).forEach(slug -> assertThat(stateOf(release, slug)).isEqualTo("PENDING"));
        // never half a release: the canary is exactly at its old head, the others untouched
        assertThat(headOf(canary)).isEqualTo("v1.2");
        assertThat(Releases.historySize(canary)).isEqualTo(historyBefore);
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.2"));

        Releases.repair(canary);
        api().post("/api/releases/" + id + "/resume").then().statusCode(202);
        awaitStatus(id, "COMPLETED");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.4"));
    }

    @Test
    void shouldRollBackEveryMigratedTenantWithTheReleaseLogToProveIt() {
        List<String> slugs = provision("undo", 3);
        String last = slugs.get(2);
        Releases.sabotage(last);

        String id = start(
                slugs,
                Map.of(
                        "targetTag",
                        "v1.4",
                        "strategy",
                        "COHORTS",
                        "failurePolicy",
                        "ROLLBACK",
                        "cohorts",
                        Map.of("lists", List.of(slugs.subList(0, 2), List.of(last)))));
        JsonPath release = awaitStatus(id, "ROLLED_BACK");

        assertThat(stateOf(release, slugs.get(0))).isEqualTo("ROLLED_BACK");
        assertThat(stateOf(release, slugs.get(1))).isEqualTo("ROLLED_BACK");
        assertThat(stateOf(release, last)).isEqualTo("FAILED");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.2"));
        List<Map<String, Object>> log = api().get("/api/releases/" + id + "/log")
                .then()
                .extract()
                .jsonPath()
                .getList("$");
        for (String slug : slugs.subList(0, 2)) {
            List<String> applied = release.getList("tenants.find { it.slug == '" + slug + "' }.appliedChangeSets");
            assertThat(applied).hasSize(14);
            assertThat(log)
                    .filteredOn(row -> slug.equals(row.get("slug")) && "ROLLED_BACK".equals(row.get("event")))
                    .singleElement()
                    .extracting(row -> (String) row.get("details"))
                    .asString()
                    .contains(applied.get(applied.size() - 1));
            api().get("/api/tenants/" + slug).then().body("schemaHead", Matchers.equalTo("v1.2"));
        }
    }

    @Test
    void shouldMigrateEveryoneUnderContinueAndReportTheFailures() {
        List<String> slugs = provision("cont", 3);
        Releases.sabotage(slugs.get(1));

        String id = start(slugs, Map.of("targetTag", "v1.4", "failurePolicy", "CONTINUE"));
        JsonPath release = awaitStatus(id, "FAILED");

        assertThat(release.getString("reason")).contains(slugs.get(1));
        assertThat(headOf(slugs.get(0))).isEqualTo("v1.4");
        assertThat(headOf(slugs.get(1))).isEqualTo("v1.2");
        assertThat(headOf(slugs.get(2))).isEqualTo("v1.4");

        // --only converges the straggler once it is repaired
        Releases.repair(slugs.get(1));
        String straggler = start(List.of(slugs.get(1)), Map.of("targetTag", "v1.4"));
        JsonPath converged = awaitStatus(straggler, "COMPLETED");
        assertThat(converged.getList("tenants.slug")).containsExactly(slugs.get(1));
        assertThat(headOf(slugs.get(1))).isEqualTo("v1.4");
    }

    @Test
    void shouldSkipSuspendedTenantWithoutFailingTheDeploy() {
        List<String> slugs = provision("susp", 2);
        api().body(Map.of("to", "SUSPENDED", "reason", "unpaid"))
                .post("/api/tenants/" + slugs.get(0) + "/status")
                .then()
                .statusCode(200);

        JsonPath release = awaitStatus(start(slugs, Map.of("targetTag", "v1.3")), "COMPLETED");

        assertThat(stateOf(release, slugs.get(0))).isEqualTo("SKIPPED");
        assertThat(stateOf(release, slugs.get(1))).isEqualTo("MIGRATED");
        assertThat(headOf(slugs.get(0))).isEqualTo("v1.2");
        assertThat(headOf(slugs.get(1))).isEqualTo("v1.3");
    }

    @Test
    void shouldRefuseUnknownTargetAnotherChangelogAndASecondConcurrentRelease() {
        List<String> slugs = provision("refuse", 1);
        api().body(Map.of("spec", Map.of("targetTag", "v9.9", "only", slugs)))
                .post("/api/releases")
                .then()
                .statusCode(422)
                .body("code", Matchers.equalTo("RELEASE_REFUSED"))
                .body("detail", Matchers.containsString("v9.9"));
        api().body(Map.of("spec", Map.of("targetTag", "v1.4", "changelogDigest", "sha256:other", "only", slugs)))
                .post("/api/releases")
                .then()
                .statusCode(422)
                .body("detail", Matchers.containsString("sha256:other"));
        api().body(Map.of("spec", Map.of("targetTag", "v1.4", "only", List.of("no-such-tenant"))))
                .post("/api/releases")
                .then()
                .statusCode(422)
                .body("detail", Matchers.containsString("no-such-tenant"));
        assertThat(headOf(slugs.get(0))).isEqualTo("v1.2");
    }

    @Test
    void shouldPlanPendingChangesetsWithSafetyWarningsAndReportFleetStatus() {
        List<String> slugs = provision("plan", 1);
        JsonPath plan = api().queryParam("target", "v1.4")
                .queryParam("only", slugs.get(0))
                .get("/api/releases/plan")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(plan.getList("tenants[0].pending")).hasSize(14);
        assertThat(plan.getList("tenants[0].pending.warnings.kind.flatten()"))
                .contains("DATA_BACKFILL", "NON_CONCURRENT_INDEX");

        Sql.execute(
                FleetApi.databaseOf(slugs.get(0)),
                "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000' WHERE orderexecuted = 1");
        JsonPath status =
                api().get("/api/fleet/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getList("behind.slug")).contains(slugs.get(0));
        assertThat(status.getList("drifted.slug")).contains(slugs.get(0));
    }
}
