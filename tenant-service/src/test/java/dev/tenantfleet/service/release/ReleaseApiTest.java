package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.support.Api.authenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateRelease;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import dev.tenantfleet.testsupport.BrokerProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The release API and preflight against the real control DB and broker, with tenants registered straight in the
 * control DB at the changelog head (no worker is needed for what is tested here; releases that migrate are
 * covered end to end in system-tests).
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class ReleaseApiTest {
    private final RegisteredTenants tenants = new RegisteredTenants();

    @AfterEach
    void dropTenants() {
        tenants.close();
    }

    @Test
    void shouldRefuseAnUnknownTargetWith422AndRecordWhy() {
        String id = authenticated()
                .body(Map.of("spec", Map.of("targetTag", "v9.9")))
                .post("/api/releases")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("RELEASE_REFUSED"))
                .body("detail", containsString("v9.9"))
                .extract()
                .path("detail");
        String releaseId = id.replaceAll(".*release ([0-9a-f-]{36}) refused.*", "$1");
        authenticated()
                .get("/api/releases/" + releaseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("reason", containsString("not in the changelog"));
    }

    @Test
    void shouldCompleteANoOpReleaseAtOnceAndAnnounceIt() throws Exception {
        List<String> slugs = List.of(registerAtHead(), registerAtHead(), registerAtHead());
        UUID releaseId = UUID.randomUUID();
        try (BrokerProbe events =
                BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, RoutingKeys.allEventsOfRelease(releaseId))) {
            authenticated()
                    .body(Map.of("releaseId", releaseId, "spec", Map.of("targetTag", "v1.4", "only", slugs)))
                    .post("/api/releases")
                    .then()
                    .statusCode(202)
                    .header("Location", containsString("/api/releases/" + releaseId))
                    .body("status", equalTo("COMPLETED"))
                    .body("counts.skipped", equalTo(3));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.received().stream()
                            .anyMatch(m -> m.routingKey().equals("release." + releaseId + ".completed")));
            var completed = ReleaseEvent.codec()
                    .decode(events.received().stream()
                            .filter(m -> m.routingKey().endsWith(".completed"))
                            .findFirst()
                            .orElseThrow()
                            .body()
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(completed.data().releaseId()).isEqualTo(releaseId);
        }
        authenticated()
                .get("/api/releases/" + releaseId + "/log")
                .then()
                .statusCode(200)
                .body("event", Matchers.hasItems("STARTED", "SKIPPED", "COMPLETED"));
        authenticated()
                .post("/api/releases/" + releaseId + "/resume")
                .then()
                .statusCode(409)
                .body("code", equalTo("RELEASE_NOT_RESUMABLE"));
    }

    @Test
    void shouldReportATenantAheadOfTheTargetAsAheadNotAsAtTheTarget() {
        String slug = registerAtHead();
        UUID releaseId = UUID.randomUUID();

        authenticated()
                .body(Map.of("releaseId", releaseId, "spec", Map.of("targetTag", "v1.3", "only", List.of(slug))))
                .post("/api/releases")
                .then()
                .statusCode(202)
                .body("status", equalTo("COMPLETED"))
                .body("counts.ahead", equalTo(1))
                .body("counts.skipped", equalTo(0))
                .body("reason", containsString("1 tenants are ahead of the target v1.3, untouched: " + slug));

        authenticated()
                .get("/api/releases/" + releaseId)
                .then()
                .body("tenants[0].state", equalTo("AHEAD"))
                .body("tenants[0].headBefore", equalTo("v1.4"));
        authenticated()
                .get("/api/releases/plan?target=v1.3&only=" + slug)
                .then()
                .statusCode(200)
                .body("tenants[0].standing", equalTo("AHEAD"))
                .body("tenants[0].pending", Matchers.empty());
    }

    @Test
    void shouldFailATenantWhoseHistoryCannotBeReadWithItsErrorClassAndNeverSkipIt() {
        String slug = registerAtHead();
        RegisteredTenants.admin("ALTER ROLE \"" + tenants.lastDatabase().role + "\" NOLOGIN");
        UUID releaseId = UUID.randomUUID();

        authenticated()
                .body(Map.of("releaseId", releaseId, "spec", Map.of("targetTag", "v1.4", "only", List.of(slug))))
                .post("/api/releases")
                .then()
                .statusCode(202)
                .body("status", equalTo("HALTED"))
                .body("counts.failed", equalTo(1))
                .body("counts.skipped", equalTo(0));

        authenticated()
                .get("/api/releases/" + releaseId)
                .then()
                .body("tenants[0].state", equalTo("FAILED"))
                .body("tenants[0].error.code", equalTo("CREDENTIALS"))
                .body("tenants[0].error.message", containsString("cannot read the Liquibase history of " + slug));
    }

    @Test
    void shouldFailATenantWhosePendingChangesetWasAppliedByHandAsSchemaDriftBeforeDispatchingIt() {
        String slug = tenants.registerMigrated("drift", "ACTIVE", "v1.3");
        tenants.lastDatabase().sql("ALTER TABLE contacts ADD COLUMN full_name text"); // v1.4-001, by hand
        String changeSet = "crm-changelog/releases/v1.4.xml::v1.4-001-add-contacts-full-name::tenant-fleet";
        UUID releaseId = UUID.randomUUID();

        authenticated()
                .get("/api/releases/plan?target=v1.4&only=" + slug)
                .then()
                .statusCode(200)
                .body("tenants[0].standing", equalTo("BEHIND"))
                .body("tenants[0].drift[0]", containsString(changeSet))
                .body("tenants[0].drift[0]", containsString("column contacts.full_name"));
        authenticated()
                .get("/api/fleet/status")
                .then()
                .statusCode(200)
                .body(
                        "drifted.find { it.slug == '" + slug + "' }.drift[0]",
                        containsString("column contacts.full_name"));
        authenticated()
                .body(Map.of("releaseId", releaseId, "spec", Map.of("targetTag", "v1.4", "only", List.of(slug))))
                .post("/api/releases")
                .then()
                .statusCode(202)
                .body("status", equalTo("HALTED"));

        authenticated()
                .get("/api/releases/" + releaseId)
                .then()
                .body("tenants[0].state", equalTo("FAILED"))
                .body("tenants[0].attempts", equalTo(0))
                .body("tenants[0].error.code", equalTo("SCHEMA_DRIFT"))
                .body("tenants[0].error.changeSet", equalTo(changeSet))
                .body("tenants[0].error.hint", containsString("changelog-sync"));
    }

    @Test
    void shouldStartAReleaseFromAMigrateReleaseCommandOnTheBroker() {
        String slug = registerAtHead();
        UUID releaseId = UUID.randomUUID();
        MigrateRelease command = new MigrateRelease(
                UUID.randomUUID(),
                releaseId,
                new ReleaseSpec(
                        "v1.4", null, null, null, null, null, null, null, List.of(slug), null, null, null, null),
                "deploy-job-42");
        byte[] body = MigrationCommand.codec().encode(CloudEvent.of("/tenantctl", MigrateRelease.TYPE, null, command));
        try (BrokerProbe probe = BrokerProbe.bind(Exchanges.MIGRATION_COMMANDS, "no.such.key")) {
            probe.publish(
                    Exchanges.MIGRATION_COMMANDS,
                    RoutingKeys.MIGRATE_RELEASE_COMMAND,
                    command.commandId().toString(),
                    new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> authenticated()
                        .get("/api/releases/" + releaseId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("COMPLETED"))
                        .body("requestedBy", equalTo("deploy-job-42")));
    }

    @Test
    void shouldRefuseAReleaseCommandItCannotStoreAsSentInsteadOfLeavingTheDeployJobWaiting() throws Exception {
        UUID releaseId = UUID.randomUUID();
        String hugeTag = "v".repeat(100_000);
        MigrateRelease command = new MigrateRelease(
                UUID.randomUUID(),
                releaseId,
                new ReleaseSpec(
                        hugeTag,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("no-such-tenant"),
                        null,
                        null,
                        null,
                        null),
                "x".repeat(5_000));
        byte[] body = MigrationCommand.codec().encode(CloudEvent.of("/tenantctl", MigrateRelease.TYPE, null, command));
        try (BrokerProbe events =
                BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, RoutingKeys.allEventsOfRelease(releaseId))) {
            events.publish(
                    Exchanges.MIGRATION_COMMANDS,
                    RoutingKeys.MIGRATE_RELEASE_COMMAND,
                    command.commandId().toString(),
                    new String(body, StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> authenticated()
                            .get("/api/releases/" + releaseId)
                            .then()
                            .statusCode(200)
                            .body("status", equalTo("REFUSED"))
                            .body(
                                    "reason",
                                    containsString("the target tag is 100000 characters long; a tag has at most 255")));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.received().stream()
                            .anyMatch(m -> m.routingKey().equals("release." + releaseId + ".completed")));
        }
        String stored = authenticated()
                .get("/api/releases/" + releaseId)
                .then()
                .extract()
                .path("targetTag");
        assertThat(stored).hasSize(255).endsWith("...");
    }

    @Test
    void shouldAnswer404ForAnUnknownRelease() {
        authenticated()
                .get("/api/releases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("RELEASE_NOT_FOUND"));
        authenticated()
                .post("/api/releases/" + UUID.randomUUID() + "/rollback")
                .then()
                .statusCode(404);
    }

    /** A tenant registered as ACTIVE at the changelog head, whose database's history says so too. */
    private String registerAtHead() {
        return tenants.register("head", "ACTIVE");
    }
}
