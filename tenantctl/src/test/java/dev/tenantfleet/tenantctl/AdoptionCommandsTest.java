package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.tenantctl.support.Cli;
import dev.tenantfleet.tenantctl.support.FakeApi;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenant adopt} and {@code tenant import} against a stand-in tenant-service: requests, reports, exit codes. */
class AdoptionCommandsTest {
    private static final String SECRET = "s3cret-from-the-vault";

    @RegisterExtension
    final FakeApi api = new FakeApi();

    @TempDir
    Path tmp;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(api.env());
        env.put("ACME_DB_PASSWORD", SECRET);
        return env;
    }

    @Test
    void adoptSendsTheRowWithThePasswordFromTheNamedVariableAndPrintsWhereTheTenantStands() throws Exception {
        api.on("POST", "/api/tenants/adopt", r -> FakeApi.json(201, """
                {"line":1,"slug":"acme","outcome":"REGISTERED","server":"eu1","database":"crm_acme","schemaHead":"v1.2",
                 "baselined":true,"notes":[],"problems":[]}"""));

        Cli.Result result = Cli.run(
                env(),
                "tenant",
                "adopt",
                "--slug",
                "acme",
                "--name",
                "Acme",
                "--server",
                "eu1",
                "--database",
                "crm_acme",
                "--username",
                "acme_owner",
                "--password-env",
                "ACME_DB_PASSWORD",
                "--status",
                "read_only",
                "--baseline-tag",
                "v1.2");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out())
                .isEqualTo("adopted acme: database crm_acme on server eu1, schema head v1.2 (baseline " + "recorded)"
                        + System.lineSeparator());
        JsonNode body = Json.mapper().readTree(api.requests().get(0).body());
        assertThat(body.path("password").asText()).isEqualTo(SECRET);
        assertThat(body.path("status").asText()).isEqualTo("READ_ONLY");
        assertThat(body.path("baselineTag").asText()).isEqualTo("v1.2");
        assertThat(body.path("username").asText()).isEqualTo("acme_owner");
        assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }

    @Test
    void aRejectedAdoptionPrintsEveryProblemWithItsHintAndExitsTwo() throws Exception {
        api.on("POST", "/api/tenants/adopt", r -> new FakeApi.Answer(422, "application/problem+json", """
                {"type":"https://tenantfleet.dev/problems/adoption-rejected","title":"Unprocessable Content","status":422,
                 "detail":"tenant 'acme' cannot be adopted","code":"ADOPTION_REJECTED","hint":"fix them",
                 "problems":[{"code":"INVALID_SLUG","field":"slug","message":"slug 'Acme' is invalid","hint":"lower case"},
                             {"code":"BASELINE_TABLES_MISSING","field":"baselineTag","message":"projects, tasks are missing",
                              "hint":"choose the tag the database is at"}]}"""));
        Path json = tmp.resolve("adopt.json");

        Cli.Result result = Cli.run(
                env(),
                "tenant",
                "adopt",
                "--slug",
                "Acme",
                "--name",
                "Acme",
                "--server",
                "eu1",
                "--database",
                "crm_acme",
                "--username",
                "acme_owner",
                "--json",
                json.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.out())
                .contains(
                        "Acme was not adopted:",
                        "INVALID_SLUG (slug): slug 'Acme' is invalid",
                        "BASELINE_TABLES_MISSING (baselineTag): projects, tasks are missing",
                        "What to do:",
                        "BASELINE_TABLES_MISSING: choose the tag the database is at");
        assertThat(Json.mapper()
                        .readTree(Files.readAllBytes(json))
                        .path("exitCode")
                        .asInt())
                .isEqualTo(2);
        assertThat(Json.mapper()
                        .readTree(api.requests().get(0).body())
                        .path("password")
                        .isNull())
                .isTrue();
    }

    @Test
    void alreadyRegisteredIsSuccessAndAMissingPasswordVariableIsAUsageError() {
        api.on("POST", "/api/tenants/adopt", r -> FakeApi.json(200, """
                {"line":1,"slug":"acme","outcome":"ALREADY_REGISTERED","server":"eu1","database":"crm_acme",
                 "schemaHead":"v1.4","notes":["already registered (ACTIVE): nothing changed"]}"""));
        String[] adopt = {
            "tenant",
            "adopt",
            "--slug",
            "acme",
            "--name",
            "Acme",
            "--server",
            "eu1",
            "--database",
            "crm_acme",
            "--username",
            "acme_owner"
        };

        Cli.Result again = Cli.run(env(), adopt);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out())
                .contains("acme is already registered (database crm_acme on server eu1, schema head "
                        + "v1.4): nothing changed");

        String[] unset = Stream.concat(Arrays.stream(adopt), Stream.of("--password-env", "NOPE"))
                .toArray(String[]::new);
        Cli.Result usage = Cli.run(env(), unset);
        assertThat(usage.exitCode()).isEqualTo(64);
        assertThat(usage.err()).contains("NOPE").contains("not set");
    }

    @Test
    void importSendsTheCsvAsItIsAndPrintsEveryRejectedRowThenExitsTwo() throws Exception {
        String csv = "slug,name,server,database,username,password\nacme,Acme,eu1,crm_acme,acme_owner,pw\n";
        Path file = Files.writeString(tmp.resolve("fleet.csv"), csv);
        api.on("POST", "/api/tenants/import", r -> FakeApi.json(200, """
                {"total":4,"registered":2,"alreadyRegistered":1,"rejected":1,"rows":[
                 {"line":2,"slug":"acme","outcome":"REGISTERED","schemaHead":"v1.2","baselined":false},
                 {"line":3,"slug":"globex","outcome":"REGISTERED","schemaHead":"v1.2","baselined":true,
                  "notes":["baseline v1.2 recorded"]},
                 {"line":4,"slug":"initech","outcome":"ALREADY_REGISTERED","schemaHead":"v1.4"},
                 {"line":5,"slug":"umbrella","outcome":"REJECTED","problems":[
                   {"code":"TENANT_DATABASE_CREDENTIALS","field":"username","message":"login refused","hint":"check it"},
                   {"code":"DUPLICATE_SLUG","field":"slug","message":"also on line 6","hint":"unique"}]}]}"""));
        Path json = tmp.resolve("report.json");

        Cli.Result result = Cli.run(
                env(), "tenant", "import", file.toString(), "--baseline-tag", "v1.2", "--json", json.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        FakeApi.Request request = api.requests().get(0);
        assertThat(request.query()).isEqualTo("baselineTag=v1.2");
        assertThat(request.header("Content-Type")).startsWith("text/csv");
        assertThat(request.body()).isEqualTo(csv);
        assertThat(result.out())
                .contains(
                        "4 rows: 2 registered, 1 already registered, 1 rejected",
                        "line 5 umbrella:",
                        "TENANT_DATABASE_CREDENTIALS (username): login refused",
                        "DUPLICATE_SLUG (slug): also on line 6",
                        "at v1.2 (1): acme",
                        "at v1.2, baselined (1): globex",
                        "Already registered (1):",
                        "line 3 globex: baseline v1.2 recorded",
                        "exit code 2: 1 row(s) rejected");
        assertThat(result.out()).doesNotContain(",pw");
        assertThat(Json.mapper()
                        .readTree(Files.readAllBytes(json))
                        .path("exitCode")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aDryRunAsksForOneAndSaysNothingWasRegistered() throws Exception {
        Path file = Files.writeString(tmp.resolve("fleet.csv"), "slug,name,database,username\n");
        api.on("POST", "/api/tenants/import", r -> FakeApi.json(200, """
                {"total":1,"registered":0,"alreadyRegistered":0,"rejected":0,"valid":1,"dryRun":true,"rows":[
                 {"line":2,"slug":"acme","outcome":"VALID","schemaHead":"v1.2","baselined":true}]}"""));

        Cli.Result result = Cli.run(env(), "tenant", "import", file.toString(), "--dry-run", "--baseline-tag", "v1.2");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(api.requests().get(0).query()).isEqualTo("baselineTag=v1.2&dryRun=true");
        assertThat(result.out())
                .contains(
                        "Dry run of the import of",
                        "1 can be adopted",
                        "Can be adopted (dry run, nothing registered) (1):",
                        "at v1.2, with a baseline (1): acme",
                        "exit code 0: every row can be adopted (dry run: nothing registered)");
    }

    @Test
    void importOfJsonWithEveryRowRegisteredExitsZero() throws Exception {
        Path file = Files.writeString(tmp.resolve("fleet.JSON"), "[{\"slug\":\"acme\"}]", StandardCharsets.UTF_8);
        api.on("POST", "/api/tenants/import", r -> FakeApi.json(200, """
                {"total":1,"registered":0,"alreadyRegistered":1,"rejected":0,"rows":[
                 {"line":1,"slug":"acme","outcome":"ALREADY_REGISTERED","schemaHead":"v1.4"}]}"""));

        Cli.Result result = Cli.run(env(), "tenant", "import", file.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(api.requests().get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(api.requests().get(0).query()).isNull();
        assertThat(result.out()).contains("exit code 0: every row is registered");
    }

    @Test
    void importRefusesOtherFilesAndExitsFiveWhenTenantServiceIsUnreachable() throws Exception {
        Path text = Files.writeString(tmp.resolve("fleet.txt"), "x");
        assertThat(Cli.run(env(), "tenant", "import", text.toString()).exitCode())
                .isEqualTo(64);
        assertThat(Cli.run(env(), "tenant", "import", tmp.resolve("missing.csv").toString())
                        .exitCode())
                .isEqualTo(64);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path csv = Files.writeString(tmp.resolve("fleet.csv"), "slug\n");
        Cli.Result result = Cli.run(
                Map.of("TENANTFLEET_URL", "http://127.0.0.1:" + port, "SYSTEM_API_TOKEN", "x"),
                "tenant",
                "import",
                csv.toString());
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("cannot reach tenant-service");
    }
}
