package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.tenantctl.support.Cli;
import dev.tenantfleet.tenantctl.support.FakeApi;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The REST commands against a JDK HttpServer standing in for tenant-service, and how API errors are printed. */
class RestCommandsTest {
    @RegisterExtension
    final FakeApi api = new FakeApi();

    @TempDir
    Path tmp;

    private static String release(UUID id, String status) {
        return """
                {"id":"%s","targetTag":"v1.4","status":"%s","cohort":1,"cohorts":4,
                 "createdAt":"2026-11-21T14:00:00Z","startedAt":"2026-11-21T14:00:00Z","finishedAt":null,
                 "counts":{"total":100,"pending":50,"migrating":3,"migrated":46,"failed":1,"skipped":0,"rollingBack":0,
                           "rolledBack":0,"rollbackFailed":0},"tenants":[]}""".formatted(id, status);
    }

    @Test
    void releaseStatusOfARunningReleaseExitsSix() throws Exception {
        UUID id = UUID.randomUUID();
        api.on("GET", "/api/releases/" + id, r -> FakeApi.json(200, release(id, "RUNNING")));
        Path json = tmp.resolve("status.json");

        Cli.Result result = Cli.run(api.env(), "release", "status", id.toString(), "--json", json.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.STILL_RUNNING);
        assertThat(result.out())
                .contains(
                        "release " + id + " is still running: RUNNING, cohort 2/4, 46/100 migrated: "
                                + "46 migrated, 1 failed, 50 pending, 3 migrating",
                        "exit code 6: still running");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("exitCode").asInt()).isEqualTo(6);
        assertThat(written.path("cohorts").asInt()).isEqualTo(4);
    }

    @Test
    void shouldWriteTheJsonAnswerAloneToStandardOutputWhenJsonFileIsADash() throws Exception {
        UUID id = UUID.randomUUID();
        api.on("GET", "/api/releases/" + id, r -> FakeApi.json(200, release(id, "RUNNING")));

        Cli.Result result = Cli.run(api.env(), "release", "status", id.toString(), "--json", "-");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.STILL_RUNNING);
        JsonNode written = Json.mapper().readTree(result.out());
        assertThat(written.path("id").asText()).isEqualTo(id.toString());
        assertThat(written.path("exitCode").asInt()).isEqualTo(6);
        assertThat(result.err()).contains("release " + id + " is still running");
        assertThat(tmp.resolve("-")).doesNotExist();
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void releaseStatusOfATerminalReleaseExitsWithItsCode() {
        UUID id = UUID.randomUUID();
        api.on("GET", "/api/releases/" + id, r -> FakeApi.json(200, release(id, "ROLLED_BACK")));

        Cli.Result result = Cli.run(api.env(), "release", "status", id.toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains("to v1.4: ROLLED_BACK");
    }

    @Test
    void problemAnswersArePrintedWithCodeAndHintAndExitFive() {
        UUID id = UUID.randomUUID();
        api.on(
                "GET",
                "/api/releases/.*",
                r -> FakeApi.problem(
                        404,
                        "RELEASE_NOT_FOUND",
                        "release " + id + " does not exist",
                        "Check the id printed by `tenantctl release migrate`."));

        Cli.Result result = Cli.run(api.env(), "release", "status", id.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(result.err())
                .isEqualTo("error: release " + id + " does not exist (RELEASE_NOT_FOUND) hint: Check "
                        + "the id printed by `tenantctl release migrate`." + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aConflictOnResumeIsPrintedAsAProblem() {
        UUID id = UUID.randomUUID();
        api.on(
                "POST",
                "/api/releases/" + id + "/resume",
                r -> FakeApi.problem(
                        409,
                        "ILLEGAL_RELEASE_TRANSITION",
                        "release is COMPLETED and cannot be resumed",
                        "Only a HALTED release can be resumed."));

        Cli.Result result = Cli.run(api.env(), "release", "resume", id.toString());

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err())
                .contains("error: release is COMPLETED and cannot be resumed "
                        + "(ILLEGAL_RELEASE_TRANSITION) hint: Only a HALTED release can be resumed.");
    }

    @Test
    void anAnswerThatIsNotAProblemStillSaysWhatHappened() {
        api.on("GET", "/api/fleet/status", r -> new FakeApi.Answer(502, "text/html", "<html>Bad Gateway</html>"));

        Cli.Result result = Cli.run(api.env(), "fleet", "status");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("error: HTTP 502 from GET /api/fleet/status: <html>Bad Gateway</html>");
    }

    @Test
    void connectionRefusedExitsFiveWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Cli.Result result = Cli.run(
                Map.of("TENANTFLEET_URL", "http://127.0.0.1:" + port, "SYSTEM_API_TOKEN", "x"), "fleet", "status");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err())
                .contains("error: cannot reach tenant-service at http://127.0.0.1:" + port
                        + " (GET /api/fleet/status): connection refused; check TENANTFLEET_URL and that tenant-service is "
                        + "running");
    }

    @Test
    void fleetStatusPrintsHeadsBehindAndDrift() {
        api.on("GET", "/api/fleet/status", r -> FakeApi.json(200, """
                {"changelogHead":"v1.4","changelogDigest":"d1","total":3,"byHead":{"v1.4":2,"v1.3":1},
                 "behind":[{"slug":"acme","head":"v1.3"}],"drifted":[],"extra":true}"""));

        Cli.Result result = Cli.run(api.env(), "fleet", "status");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Fleet: 3 tenants, changelog head v1.4", "at v1.3 (1): acme", "Drifted: none");
        assertThat(api.requests()).singleElement().satisfies(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeApi.TOKEN);
            assertThat(request.header("X-Tenantfleet-Actor")).isEqualTo("ops@example.com");
        });
    }

    @Test
    void planSendsTargetAndOnly() {
        api.on("GET", "/api/releases/plan", r -> FakeApi.json(200, """
                {"targetTag":"v1.4","tenants":[{"slug":"acme","head":"v1.3","pending":[{"key":"a::1::x",
                 "runInTransaction":true,"rollbackSupported":true,"warnings":[]}],"drift":[]}]}"""));

        Cli.Result result = Cli.run(api.env(), "release", "plan", "--target", "v1.4", "--only", "acme,globex");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(api.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.query()).isEqualTo("target=v1.4&only=acme%2Cglobex"));
        assertThat(result.out())
                .contains(
                        "1 tenant at v1.3: acme",
                        "a::1::x",
                        "Warnings: none of the 1 pending changeset carries a migration-safety warning.");
    }

    @Test
    void tenantStatusPostsToAndReason() throws Exception {
        api.on("POST", "/api/tenants/acme/status", r -> FakeApi.json(200, """
                {"id":"c0e60683-9620-48a9-a02a-99ca545c0a61","slug":"acme","status":"READ_ONLY","schemaHead":"v1.4"}"""));

        Cli.Result result =
                Cli.run(api.env(), "tenant", "status", "acme", "--to", "read_only", "--reason", "maintenance window");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).isEqualTo("tenant acme is READ_ONLY (schema head v1.4)" + System.lineSeparator());
        JsonNode body = Json.mapper().readTree(api.requests().get(0).body());
        assertThat(body.path("to").asText()).isEqualTo("READ_ONLY");
        assertThat(body.path("reason").asText()).isEqualTo("maintenance window");
        assertThat(api.requests().get(0).header("Content-Type")).isEqualTo("application/json");
    }
}
