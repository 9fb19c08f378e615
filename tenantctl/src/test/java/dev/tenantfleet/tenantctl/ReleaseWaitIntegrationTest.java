package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.BlockingSession;
import dev.tenantfleet.model.migration.MigrateRelease;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseStrategy;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.tenantctl.support.Cli;
import dev.tenantfleet.tenantctl.support.FakeApi;
import dev.tenantfleet.tenantctl.support.FakeRelease;
import dev.tenantfleet.tenantctl.support.FakeTenantService;
import dev.tenantfleet.tenantctl.support.TestVhost;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release migrate/resume/rollback --wait} against the REAL local RabbitMQ, in a throw-away vhost, with a
 * test double of tenant-service that consumes the real command and answers with real release events (and serves
 * {@code GET /api/releases/{id}}). The double publishes its events mandatory: an event sent before tenantctl bound
 * its queue would come back unroutable, so {@code unroutedEvents() == 0} proves the bind-before-publish order.
 */
class ReleaseWaitIntegrationTest {
    private static TestVhost vhost;

    private FakeApi api;
    private FakeTenantService service;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createVhost() {
        vhost = TestVhost.create();
    }

    @AfterAll
    static void deleteVhost() {
        vhost.close();
    }

    @BeforeEach
    void startService() throws Exception {
        api = new FakeApi();
        service = new FakeTenantService(vhost.name(), api, true);
    }

    @AfterEach
    void stopService() throws Exception {
        service.close();
        api.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD")) {
            if (System.getenv(name) != null) {
                env.put(name, System.getenv(name));
            }
        }
        env.put("RABBITMQ_VIRTUAL_HOST", vhost.name());
        env.put("TENANTFLEET_URL", api.url());
        env.put("SYSTEM_API_TOKEN", FakeApi.TOKEN);
        env.put("TENANTFLEET_ACTOR", "deploy-job@ci");
        return env;
    }

    @Test
    void completedReleaseExitsZeroWithALinePerTenantAndASummary() throws Exception {
        service.onMigrate(r -> r.progress(ReleaseStatus.RUNNING, 0)
                .migrating("acme")
                .migrated("acme", 812)
                .migrating("globex")
                .migrated("globex", 640)
                .migrating("initech")
                .migrated("initech", 1_700)
                .complete(ReleaseStatus.COMPLETED, null));
        Path json = tmp.resolve("out/release.json");

        Cli.Result result = Cli.run(
                env(),
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--concurrency",
                "5",
                "--timeout",
                "2m",
                "--wait",
                "--json",
                json.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        FakeTenantService.Received received = service.nextCommand();
        MigrateRelease command = received.command();
        UUID id = command.releaseId();
        // the real command, as tenant-service will read it
        assertThat(received.routingKey()).isEqualTo(RoutingKeys.MIGRATE_RELEASE_COMMAND);
        assertThat(received.event().type()).isEqualTo(MigrateRelease.TYPE);
        assertThat(received.event().source().toString()).isEqualTo("/tenantctl");
        assertThat(received.properties().getMessageId())
                .isEqualTo(received.event().id());
        assertThat(received.properties().getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(received.properties().getDeliveryMode()).isEqualTo(2);
        assertThat(command.requestedBy()).isEqualTo("deploy-job@ci");
        assertThat(command.spec().targetTag()).isEqualTo("v1.4");
        assertThat(command.spec().concurrency()).isEqualTo(5);
        assertThat(command.spec().tenantTimeoutSeconds()).isEqualTo(120);
        // bound before publishing: not one event was unroutable, and every one was printed
        assertThat(service.unroutedEvents()).isZero();
        assertThat(result.out())
                .contains("release " + id + ": migrate to v1.4 (fanout, concurrency 5, timeout 120s")
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ acme MIGRATING from v1.3")
                .containsPattern("Z acme MIGRATED v1.3 -> v1.4 \\(812 ms\\)")
                .contains("globex MIGRATED v1.3 -> v1.4 (640 ms)", "initech MIGRATED v1.3 -> v1.4 (1.7 s)")
                .contains(
                        "Release " + id + " to v1.4: COMPLETED",
                        "tenants:  3 targeted: 3 migrated",
                        "by:       deploy-job@ci",
                        "exit code 0");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("id").asText()).isEqualTo(id.toString());
        assertThat(written.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(written.path("exitCode").asInt()).isZero();
        assertThat(written.path("tenants")).hasSize(3);
    }

    @Test
    void haltedCanaryExitsThreeAndPrintsTheErrorWithItsHint() throws Exception {
        MigrationError error = new MigrationError(
                MigrationErrorCode.TIMEOUT,
                "canceling statement due to " + "statement timeout",
                MigrationErrorCode.TIMEOUT.hint(),
                "db/v1.4.xml::v1.4-3::alice",
                List.of(new BlockingSession(
                        4242,
                        "tf_acme_owner",
                        "psql",
                        "idle in transaction",
                        "UPDATE contact SET x = 1",
                        Instant.parse("2026-11-21T13:59:00Z"))));
        service.onMigrate(r -> r.cohorts(2, "acme")
                .progress(ReleaseStatus.RUNNING, 0)
                .migrating("acme")
                .failed("acme", error)
                .progress(ReleaseStatus.HALTING, 0)
                .skipped("globex")
                .skipped("initech")
                .complete(ReleaseStatus.HALTED, "cohort 1/2 failed: 1 of 1 tenants failed (budget 0)"));

        Cli.Result result = Cli.run(
                env(), "release", "migrate", "--target", "v1.4", "--canary", "1", "--on-failure", "halt", "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        MigrateRelease command = service.nextCommand().command();
        UUID id = command.releaseId();
        assertThat(command.spec().strategy()).isEqualTo(ReleaseStrategy.COHORTS);
        assertThat(command.spec().cohorts().canarySize()).isEqualTo(1);
        assertThat(service.unroutedEvents()).isZero();
        assertThat(result.out())
                .contains("acme FAILED at v1.3 (40 ms): TIMEOUT canceling statement due to statement timeout "
                        + "(changeset db/v1.4.xml::v1.4-3::alice) hint: " + MigrationErrorCode.TIMEOUT.hint())
                .contains("    blocked by pid 4242 user tf_acme_owner app 'psql' (idle in transaction) in a "
                        + "transaction since 2026-11-21T13:59:00Z: UPDATE contact SET x = 1")
                .contains("release HALTING, cohort 1/2: 0/3 migrated, 1 failed", "globex SKIPPED at v1.3")
                .contains(
                        "Release " + id + " to v1.4: HALTED",
                        "reason:   cohort 1/2 failed",
                        "tenants:  3 targeted: 0 migrated, 1 failed, 2 skipped",
                        "failed tenants (1):",
                        "    acme at v1.3: TIMEOUT canceling statement",
                        "      hint: " + MigrationErrorCode.TIMEOUT.hint(),
                        "tenantctl release resume " + id,
                        "exit code 3: halted");
    }

    @Test
    void rolledBackReleaseExitsFour() throws Exception {
        service.onMigrate(r -> r.cohorts(2, "acme", "globex")
                .progress(ReleaseStatus.RUNNING, 0)
                .migrating("acme")
                .migrated("acme", 300)
                .migrating("globex")
                .failed(
                        "globex",
                        new MigrationError(
                                MigrationErrorCode.CHANGESET_SQL_ERROR,
                                "column \"legacy\" does not exist",
                                MigrationErrorCode.CHANGESET_SQL_ERROR.hint(),
                                "x::1::a"))
                .progress(ReleaseStatus.ROLLING_BACK, 0)
                .rollingBack("acme")
                .rolledBack("acme", 120)
                .skipped("initech")
                .complete(ReleaseStatus.ROLLED_BACK, "cohort 1 failed; rolled back 1 tenant"));

        Cli.Result result =
                Cli.run(env(), "release", "migrate", "--target", "v1.4", "--on-failure", "rollback", "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
        assertThat(service.unroutedEvents()).isZero();
        assertThat(result.out())
                .contains(
                        "acme ROLLING_BACK v1.4 -> v1.3",
                        "acme ROLLED_BACK to v1.3 (120 ms)",
                        "globex FAILED at v1.3 (40 ms): CHANGESET_SQL_ERROR",
                        "release ROLLING_BACK",
                        ": ROLLED_BACK",
                        "exit code 4: rolled back");
        assertThat(service.commandsSoFar())
                .singleElement()
                .satisfies(c -> assertThat(c.command().spec().failurePolicy()).isEqualTo(FailurePolicy.ROLLBACK));
    }

    @Test
    void continuedReleaseWithFailuresExitsTwo() {
        service.onMigrate(r -> r.migrating("acme")
                .migrated("acme", 10)
                .migrating("globex")
                .failed(
                        "globex",
                        new MigrationError(
                                MigrationErrorCode.SCHEMA_DRIFT,
                                "relation \"deal\" already exists",
                                MigrationErrorCode.SCHEMA_DRIFT.hint(),
                                null))
                .migrating("initech")
                .migrated("initech", 10)
                .complete(ReleaseStatus.FAILED, "1 tenant failed"));

        Cli.Result result = Cli.run(
                env(),
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--on-failure",
                "continue",
                "--failure-budget",
                "50%",
                "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out())
                .contains(
                        "globex FAILED at v1.3 (40 ms): SCHEMA_DRIFT relation \"deal\" already exists",
                        "    globex at v1.3: SCHEMA_DRIFT",
                        "--only <slugs>",
                        "exit code 2");
    }

    @Test
    void refusedReleaseExitsFiveWithTheReason() throws Exception {
        service.onMigrate(r -> r.complete(
                ReleaseStatus.REFUSED,
                "changeset db/v1.4.xml::v1.4-2::bob has no rollback, so --on-failure rollback is refused"));
        Path json = tmp.resolve("refused.json");

        Cli.Result result = Cli.run(
                env(),
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--on-failure",
                "rollback",
                "--wait",
                "--json",
                json.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
        assertThat(result.err())
                .contains(
                        "error: release",
                        "was refused by tenant-service's preflight: changeset "
                                + "db/v1.4.xml::v1.4-2::bob has no rollback");
        assertThat(result.out()).contains(": REFUSED", "exit code 5");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("status").asText()).isEqualTo("REFUSED");
        assertThat(written.path("exitCode").asInt()).isEqualTo(5);
    }

    @Test
    void withoutWaitPrintsOnlyTheReleaseIdOnceConfirmed() throws Exception {
        Cli.Result result = Cli.run(
                env(),
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--strategy",
                "cohorts",
                "--cohort",
                "acme",
                "--cohort",
                "globex,initech",
                "--pause",
                "30s",
                "--read-only-gate");

        assertThat(result.exitCode()).as("%s", result).isZero();
        MigrateRelease command = service.nextCommand().command();
        assertThat(result.out().strip()).isEqualTo(command.releaseId().toString());
        assertThat(result.err()).contains("release " + command.releaseId() + " requested: migrate to v1.4");
        assertThat(command.spec().cohorts().lists()).containsExactly(List.of("acme"), List.of("globex", "initech"));
        assertThat(command.spec().cohorts().pauseSeconds()).isEqualTo(30);
        assertThat(command.spec().readOnlyGate()).isTrue();
    }

    @Test
    void aLiveProgressBarOnATerminal() {
        service.onMigrate(r -> r.progress(ReleaseStatus.RUNNING, 0)
                .migrating("acme")
                .migrated("acme", 5)
                .progress(ReleaseStatus.RUNNING, 0)
                .migrating("globex")
                .failed(
                        "globex",
                        new MigrationError(
                                MigrationErrorCode.CREDENTIALS,
                                "password authentication failed",
                                MigrationErrorCode.CREDENTIALS.hint(),
                                null))
                .progress(ReleaseStatus.RUNNING, 0)
                .migrating("initech")
                .migrated("initech", 5)
                .progress(ReleaseStatus.RUNNING, 0)
                .complete(ReleaseStatus.FAILED, "1 failed"));

        Cli.Result result =
                Cli.run(env(), true, "release", "migrate", "--target", "v1.4", "--on-failure", "continue", "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out())
                .contains("\r[######..............] 1/3 migrated")
                .contains("globex FAILED at v1.3 (40 ms): CREDENTIALS password authentication failed")
                .contains("\r[####################] 2/3 migrated, 1 failed")
                .doesNotContain("acme MIGRATED v1.3"); // no per-tenant lines on a terminal, only failures
    }

    @Test
    void aSilentEventStreamFallsBackToTheApiNoFasterThanTheSilencePeriod() throws Exception {
        // the tenant events and the release-completed event are "lost": only the API knows the release ended
        service.onMigrate(r -> r.migrating("acme")
                .silently("acme", TenantReleaseState.MIGRATED, "v1.4")
                .silently("globex", TenantReleaseState.MIGRATED, "v1.4")
                .silently("initech", TenantReleaseState.SKIPPED, "v1.4")
                .completeSilently(ReleaseStatus.COMPLETED));
        long start = System.nanoTime();

        Cli.Result result = Cli.run(env(), "release", "migrate", "--target", "v1.4", "--wait", "--event-silence", "1s");

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.exitCode()).as("%s", result).isZero();
        UUID id = service.nextCommand().command().releaseId();
        assertThat(result.out())
                .contains(
                        "acme MIGRATING from v1.3",
                        "acme MIGRATED v1.3 -> v1.4 (10 ms) [from the API]",
                        "globex MIGRATED v1.3 -> v1.4 (10 ms) [from the API]",
                        "release COMPLETED: 2/3 migrated, 1 skipped " + "[from the API]",
                        "COMPLETED",
                        "exit code 0");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_000);
        // one GET before publishing (API check), one after the silence: no tight polling loop
        assertThat(api.count("GET", "/api/releases/" + id)).isEqualTo(2);
    }

    @Test
    void waitTimeoutExitsFiveAndSaysTheReleaseGoesOn() throws Exception {
        service.onMigrate(r -> r.progress(ReleaseStatus.RUNNING, 0).migrating("acme")); // and then nothing

        Cli.Result result = Cli.run(
                env(),
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--wait",
                "--wait-timeout",
                "3s",
                "--event-silence",
                "1s");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
        UUID id = service.nextCommand().command().releaseId();
        assertThat(result.err())
                .contains("error: gave up waiting after 3.0 s (--wait-timeout): release " + id
                        + " is still RUNNING and goes on without tenantctl");
        // 1 API check + at most one GET per silent second
        assertThat(api.count("GET", "/api/releases/" + id)).isBetween(2L, 4L);
    }

    @Test
    void resumeWaitBindsBeforeThePostAndFollowsToTheEnd() throws Exception {
        FakeRelease halted = service.existing(
                "v1.4",
                r -> r.migrating("acme")
                        .failed(
                                "acme",
                                new MigrationError(
                                        MigrationErrorCode.LOCKED, "lock", MigrationErrorCode.LOCKED.hint(), null))
                        .skipped("globex")
                        .skipped("initech")
                        .complete(ReleaseStatus.HALTED, "cohort failed"));
        // the POST answers only after the resumed release has run to its end and published every event
        service.onAction("resume", r -> {
            r.progress(ReleaseStatus.RUNNING, 0)
                    .migrating("acme")
                    .migrated("acme", 50)
                    .migrating("globex")
                    .migrated("globex", 50)
                    .migrating("initech")
                    .migrated("initech", 50)
                    .complete(ReleaseStatus.COMPLETED, null);
            return FakeApi.json(202, r.view());
        });

        // control: the set-up's events went out while nobody was bound, and the double noticed every one of them
        int unroutedBefore = service.unroutedEvents();
        assertThat(unroutedBefore).isEqualTo(5);

        Cli.Result result = Cli.run(env(), "release", "resume", halted.id().toString(), "--wait");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(service.unroutedEvents()).isEqualTo(unroutedBefore); // tenantctl was bound before the POST
        assertThat(result.out())
                .contains(
                        "release " + halted.id() + ": resume requested (was HALTED, now COMPLETED)",
                        "acme MIGRATED v1.3 -> v1.4 (50 ms)",
                        "initech MIGRATED v1.3 -> v1.4 (50 ms)",
                        "Release " + halted.id() + " to v1.4: COMPLETED",
                        "exit code 0");
        assertThat(api.requests()).anySatisfy(request -> {
            assertThat(request.path()).isEqualTo("/api/releases/" + halted.id() + "/resume");
            assertThat(request.header("X-Tenantfleet-Actor")).isEqualTo("deploy-job@ci");
        });
    }

    @Test
    void rollbackWaitFollowsTheRollbackAndExitsFour() {
        FakeRelease halted = service.existing(
                "v1.4",
                r -> r.migrating("acme")
                        .migrated("acme", 10)
                        .migrating("globex")
                        .failed(
                                "globex",
                                new MigrationError(
                                        MigrationErrorCode.TIMEOUT, "timeout", MigrationErrorCode.TIMEOUT.hint(), null))
                        .skipped("initech")
                        .complete(ReleaseStatus.HALTED, "cohort failed"));
        service.onAction("rollback", r -> {
            r.progress(ReleaseStatus.ROLLING_BACK, 0);
            FakeApi.Answer answer = FakeApi.json(202, r.view());
            // the rest happens after the answer, as the real orchestrator would do it
            new Thread(() -> r.rollingBack("acme")
                            .rolledBack("acme", 30)
                            .complete(ReleaseStatus.ROLLED_BACK, "rolled back on request"))
                    .start();
            return answer;
        });

        Cli.Result result = Cli.run(env(), "release", "rollback", halted.id().toString(), "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(4);
        assertThat(result.out())
                .contains(
                        "rollback requested (was HALTED, now ROLLING_BACK)",
                        "acme ROLLED_BACK to v1.3 (30 ms)",
                        ": ROLLED_BACK",
                        "exit code 4");
    }

    @Test
    void noConsumerBoundMeansUnroutableAndExitFive() throws Exception {
        service.close();
        service = new FakeTenantService(vhost.name(), api, false); // exchanges exist, nothing consumes commands
        Path json = tmp.resolve("unroutable.json");

        Cli.Result result =
                Cli.run(env(), "release", "migrate", "--target", "v1.4", "--wait", "--json", json.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
        assertThat(result.err())
                .contains(
                        "error: the migrate-release command could not be routed (NO_ROUTE)",
                        "no queue is bound to exchange 'migration.commands' with routing key 'command.migrate-release'",
                        "Is tenant-service running",
                        "Nothing was started.");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("exitCode").asInt()).isEqualTo(5);
        assertThat(written.path("error").asText()).contains("could not be routed");
    }

    @Test
    void missingExchangesMeanTenantServiceNeverRanAndExitFive() {
        try (TestVhost empty = TestVhost.create()) {
            Map<String, String> env = env();
            env.put("RABBITMQ_VIRTUAL_HOST", empty.name());

            Cli.Result result = Cli.run(env, "release", "migrate", "--target", "v1.4");

            assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
            assertThat(result.err())
                    .contains(
                            "exchange 'migration.commands' does not exist",
                            "tenant-service has never started on this broker/vhost");
        }
    }

    @Test
    void unreachableBrokerExitsFive() throws Exception {
        Map<String, String> env = env();
        env.put("RABBITMQ_PORT", String.valueOf(freePort()));

        Cli.Result result = Cli.run(env, "release", "migrate", "--target", "v1.4", "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
        assertThat(result.err())
                .contains(
                        "error: cannot connect to RabbitMQ at amqp://guest@127.0.0.1:" + env.get("RABBITMQ_PORT"),
                        "connection refused",
                        "check RABBITMQ_HOST");
    }

    @Test
    void unreachableApiWithWaitExitsFiveBeforePublishingAnything() throws Exception {
        Map<String, String> env = env();
        env.put("TENANTFLEET_URL", "http://127.0.0.1:" + freePort());

        Cli.Result result = Cli.run(env, "release", "migrate", "--target", "v1.4", "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
        assertThat(result.err())
                .contains(
                        "error: cannot reach tenant-service at " + env.get("TENANTFLEET_URL"),
                        "connection refused",
                        "check TENANTFLEET_URL");
        // nothing was published: the next command the service sees is the next run's
        Cli.Result next = Cli.run(env(), "release", "migrate", "--target", "v1.5");
        assertThat(next.exitCode()).isZero();
        assertThat(service.nextCommand().command().spec().targetTag()).isEqualTo("v1.5");
    }

    @Test
    void aWrongTokenIsCaughtBeforeTheReleaseStarts() throws Exception {
        Map<String, String> env = env();
        env.put("SYSTEM_API_TOKEN", "wrong");

        Cli.Result result = Cli.run(env, "release", "migrate", "--target", "v1.4", "--wait");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
        assertThat(result.err())
                .contains("error: missing or wrong bearer token (UNAUTHENTICATED) hint: Send "
                        + "Authorization: Bearer <SYSTEM_API_TOKEN>.");
        assertThat(service.commandsSoFar()).isEmpty();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
