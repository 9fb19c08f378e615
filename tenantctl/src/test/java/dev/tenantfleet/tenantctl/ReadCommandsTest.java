package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.tenantctl.support.Cli;
import dev.tenantfleet.tenantctl.support.FakeApi;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read commands ({@code tenant list|show|status}, {@code release list|show}) and {@code tenant set-status} against
 * a JDK HttpServer standing in for tenant-service: the requests they send, the tables they print, the exit codes.
 */
class ReadCommandsTest {
    @RegisterExtension
    final FakeApi api = new FakeApi();

    @TempDir
    Path tmp;

    private static String tenant(String slug, String status, String head) {
        return """
                {"id":"%s","slug":"%s","name":"%s Corporation","status":"%s","server":"local","database":"tf_%s",
                 "role":"tf_%s_owner","schemaHead":%s,"provisioningStep":null,"failure":null,
                 "createdAt":"2026-11-21T14:00:00Z","updatedAt":"2026-11-22T09:30:00.5Z","deactivatedAt":null}""".formatted(
                        UUID.randomUUID(), slug, slug, status, slug, slug, head == null ? "null" : "\"" + head + "\"");
    }

    private static final String FAILED_TENANT = """
            {"id":"%s","slug":"initech","name":"Initech","status":"PROVISIONING_FAILED","server":"local",
             "database":"tf_initech","role":"tf_initech_owner","schemaHead":null,"provisioningStep":"MIGRATE_SCHEMA",
             "failure":{"code":"MIGRATION_FAILED","reason":"changeset v1.2-003 failed: relation \\"deal\\" exists"},
             "createdAt":"2026-11-21T14:00:00Z","updatedAt":"2026-11-21T14:01:00Z","deactivatedAt":null}""".formatted(UUID.randomUUID());

    private static String page(int page, int size, long total, List<String> items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":" + page + ",\"size\":" + size + ",\"total\":"
                + total + "}";
    }

    /** The column of {@code header}'s {@code name} must be where {@code row} has {@code value}: the table is aligned. */
    private static void assertAligned(String header, String name, String row, String value) {
        assertThat(row.indexOf(value))
                .as("'%s' under '%s' in%n%s%n%s", value, name, header, row)
                .isEqualTo(header.indexOf(name));
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void tenantListSendsItsFiltersAndPrintsAnAlignedTableWithWhereThePageIs() throws Exception {
        api.on(
                "GET",
                "/api/tenants",
                r -> FakeApi.json(
                        200,
                        page(
                                1,
                                2,
                                5,
                                List.of(
                                        tenant("acme", "READ_ONLY", "v1.3"),
                                        tenant("a-much-longer-slug", "READ_ONLY", "v1.3")))));
        Path json = tmp.resolve("tenants.json");

        Cli.Result result = Cli.run(
                api.env(),
                "tenant",
                "list",
                "--status",
                "read-only",
                "--head",
                "v1.3",
                "--server",
                "local",
                "--page",
                "1",
                "--size",
                "2",
                "--json",
                json.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(api.requests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.query()).isEqualTo("status=READ_ONLY&head=v1.3&server=local&page=1&size=2"));
        List<String> lines = lines(result.out());
        assertThat(lines).hasSize(4);
        String header = lines.get(0);
        assertThat(header).startsWith("SLUG").contains("NAME", "STATUS", "HEAD", "SERVER", "DATABASE", "UPDATED");
        assertAligned(header, "STATUS", lines.get(1), "READ_ONLY");
        assertAligned(header, "HEAD", lines.get(2), "v1.3");
        assertAligned(header, "DATABASE", lines.get(1), "tf_acme");
        assertAligned(header, "UPDATED", lines.get(2), "2026-11-22T09:30:00Z");
        assertThat(lines.get(3))
                .isEqualTo("Tenants 3-4 of 5 matching status READ_ONLY, head v1.3, server local, page 1 "
                        + "of pages 0-2; next: --page 2, or --all.");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("items")).hasSize(2);
        assertThat(written.path("total").asInt()).isEqualTo(5);
        assertThat(written.path("exitCode").asInt()).isZero();
    }

    @Test
    void tenantListShowsWhyATenantIsStuckInItsStatusColumn() {
        api.on(
                "GET",
                "/api/tenants",
                r -> FakeApi.json(200, page(0, 50, 2, List.of(tenant("acme", "ACTIVE", "v1.4"), FAILED_TENANT))));

        Cli.Result result = Cli.run(api.env(), "tenant", "list");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(api.requests().get(0).query()).isEqualTo("page=0");
        assertThat(result.out())
                .contains("PROVISIONING_FAILED (MIGRATION_FAILED)", "(none)")
                .endsWith("2 tenants." + System.lineSeparator());
    }

    @Test
    void tenantListAllReadsEveryPageAtTheLargestSize() throws Exception {
        Pattern pageParameter = Pattern.compile("page=(\\d+)");
        api.on("GET", "/api/tenants", r -> {
            Matcher matcher = pageParameter.matcher(r.query());
            int index = matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
            int from = index * 500;
            List<String> items = IntStream.range(from, Math.min(from + 500, 501))
                    .mapToObj(i -> tenant("t-%04d".formatted(i), "ACTIVE", "v1.4"))
                    .toList();
            return FakeApi.json(200, page(index, 500, 501, items));
        });
        Path json = tmp.resolve("all.json");

        Cli.Result result =
                Cli.run(api.env(), "tenant", "list", "--all", "--status", "active", "--json", json.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(api.requests())
                .extracting(FakeApi.Request::query)
                .containsExactly("status=ACTIVE&page=0&size=500", "status=ACTIVE&page=1&size=500");
        assertThat(lines(result.out())).hasSize(503).contains("501 tenants matching status ACTIVE.");
        assertThat(result.out()).contains("t-0000", "t-0499", "t-0500");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("items")).hasSize(501);
        assertThat(written.path("total").asInt()).isEqualTo(501);
    }

    @Test
    void tenantListSaysSoWhenNoTenantMatches() {
        api.on("GET", "/api/tenants", r -> FakeApi.json(200, page(0, 50, 0, List.of())));

        Cli.Result result = Cli.run(api.env(), "tenant", "list", "--head", "v9.9");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("No tenants matching head v9.9." + System.lineSeparator());
    }

    @Test
    void tenantListSaysWhenThePageAskedForIsPastTheLast() {
        api.on("GET", "/api/tenants", r -> FakeApi.json(200, page(5, 50, 3, List.of())));

        Cli.Result result = Cli.run(api.env(), "tenant", "list", "--page", "5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .isEqualTo("Page 5 is past the last page: 3 tenants on 1 page of 50 (pages count from " + "0)."
                        + System.lineSeparator());
    }

    @Test
    void tenantListRefusesAllWithAPageOrASizeOutOfRangeAsUsageErrors() {
        Cli.Result allAndPage = Cli.run(api.env(), "tenant", "list", "--all", "--page", "2");
        Cli.Result tooLarge = Cli.run(api.env(), "tenant", "list", "--size", "501");
        Cli.Result unknownStatus = Cli.run(api.env(), "tenant", "list", "--status", "happy");

        assertThat(allAndPage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(allAndPage.err()).contains("--all reads every page: it takes no --page or --size");
        assertThat(tooLarge.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLarge.err()).contains("--size must be from 1 to 500, not 501");
        assertThat(unknownStatus.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void tenantListExitsFiveWhenTheApiCannotBeReached() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Cli.Result result = Cli.run(
                Map.of("TENANTFLEET_URL", "http://127.0.0.1:" + port, "SYSTEM_API_TOKEN", "x"), "tenant", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(result.err()).contains("cannot reach tenant-service at http://127.0.0.1:" + port);
    }

    private void auditTrail(String slug, int entries) {
        String trail = IntStream.range(0, entries)
                .mapToObj(i -> """
                {"at":"2026-11-2%dT10:00:00Z","actor":"actor-%d","action":"STATUS_CHANGED","fromStatus":"ACTIVE",
                 "toStatus":"READ_ONLY","reason":"reason %d","details":null}""".formatted(i + 1, i, i))
                .collect(Collectors.joining(",", "[", "]"));
        api.on("GET", "/api/tenants/" + slug + "/audit", r -> FakeApi.json(200, trail));
    }

    @Test
    void tenantShowPrintsTheTenantAndItsNewestAuditEntriesFirst() throws Exception {
        api.on("GET", "/api/tenants/acme", r -> FakeApi.json(200, tenant("acme", "READ_ONLY", "v1.4")));
        auditTrail("acme", 3);
        Path json = tmp.resolve("acme.json");

        Cli.Result result = Cli.run(api.env(), "tenant", "show", "acme", "--audit", "2", "--json", json.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out())
                .contains(
                        "Tenant acme: acme Corporation",
                        "  status:       READ_ONLY",
                        "  schema head:  v1.4",
                        "  server:       local",
                        "  database:     tf_acme (role tf_acme_owner)",
                        "Audit trail, newest first (the last 2 of 3 entries; --audit 3 shows all):");
        List<String> lines = lines(result.out());
        int header = lines.indexOf(
                lines.stream().filter(l -> l.startsWith("  AT")).findFirst().orElseThrow());
        assertThat(lines.subList(header + 1, lines.size())).hasSize(2);
        assertThat(lines.get(header + 1))
                .startsWith("  2026-11-23T10:00:00Z  actor-2")
                .contains("ACTIVE -> READ_ONLY", "reason 2");
        assertThat(lines.get(header + 2)).startsWith("  2026-11-22T10:00:00Z  actor-1");
        assertAligned(lines.get(header), "REASON", lines.get(header + 1), "reason 2");
        assertThat(result.out()).doesNotContain("actor-0");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("slug").asText()).isEqualTo("acme");
        assertThat(written.path("audit")).hasSize(3);
    }

    @Test
    void tenantShowSaysWhyProvisioningFailed() {
        api.on("GET", "/api/tenants/initech", r -> FakeApi.json(200, FAILED_TENANT));
        auditTrail("initech", 1);

        Cli.Result result = Cli.run(api.env(), "tenant", "show", "initech");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out())
                .contains(
                        "  status:       PROVISIONING_FAILED",
                        "  schema head:  (none)",
                        "  provisioning: next step MIGRATE_SCHEMA",
                        "  failure:      MIGRATION_FAILED: changeset v1.2-003 failed: relation \"deal\" exists",
                        "Audit trail, newest first (1 entry):");
    }

    @Test
    void tenantShowOfAnUnknownSlugExitsFiveWithTheProblem() {
        api.on(
                "GET",
                "/api/tenants/.*",
                r -> FakeApi.problem(
                        404,
                        "TENANT_NOT_FOUND",
                        "no tenant with slug 'ghost'",
                        "Check the slug: tenantctl tenant list shows them."));

        Cli.Result result = Cli.run(api.env(), "tenant", "show", "ghost");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(result.err()).contains("error: no tenant with slug 'ghost' (TENANT_NOT_FOUND)");
        assertThat(result.out()).isEmpty();
        assertThat(api.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/api/tenants/ghost"));
    }

    @Test
    void tenantStatusWithoutToShowsTheStatusAndChangesNothing() {
        api.on("GET", "/api/tenants/acme", r -> FakeApi.json(200, tenant("acme", "SUSPENDED", "v1.3")));

        Cli.Result result = Cli.run(api.env(), "tenant", "status", "acme");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out())
                .isEqualTo("tenant acme is SUSPENDED (schema head v1.3, server local, database " + "tf_acme)"
                        + System.lineSeparator());
        assertThat(api.requests()).extracting(FakeApi.Request::method).containsExactly("GET");
    }

    @Test
    void tenantStatusOfAnUnknownSlugExitsFive() {
        api.on(
                "GET",
                "/api/tenants/.*",
                r -> FakeApi.problem(404, "TENANT_NOT_FOUND", "no tenant with slug 'ghost'", "Check the slug."));

        Cli.Result result = Cli.run(api.env(), "tenant", "status", "ghost");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(result.err()).contains("(TENANT_NOT_FOUND)");
    }

    @Test
    void tenantStatusWithOnlyOneOfToAndReasonIsAUsageError() {
        Cli.Result reasonOnly = Cli.run(api.env(), "tenant", "status", "acme", "--reason", "why");
        Cli.Result toOnly = Cli.run(api.env(), "tenant", "status", "acme", "--to", "read_only");

        assertThat(reasonOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reasonOnly.err()).contains("--reason goes with --to");
        assertThat(toOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(toOnly.err()).contains("--to needs --reason: tenant status acme --to read_only --reason \"why\"");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void tenantSetStatusPostsToAndReason() throws Exception {
        api.on("POST", "/api/tenants/acme/status", r -> FakeApi.json(200, tenant("acme", "SUSPENDED", "v1.4")));

        Cli.Result result =
                Cli.run(api.env(), "tenant", "set-status", "acme", "--to", "suspended", "--reason", "unpaid");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).isEqualTo("tenant acme is SUSPENDED (schema head v1.4)" + System.lineSeparator());
        JsonNode body = Json.mapper().readTree(api.requests().get(0).body());
        assertThat(body.path("to").asText()).isEqualTo("SUSPENDED");
        assertThat(body.path("reason").asText()).isEqualTo("unpaid");
    }

    @Test
    void tenantSetStatusNeedsToAndReasonAndAnswersFiveForAnUnknownSlug() {
        api.on(
                "POST",
                "/api/tenants/.*/status",
                r -> FakeApi.problem(404, "TENANT_NOT_FOUND", "no tenant with slug 'ghost'", "Check the slug."));

        Cli.Result missingReason = Cli.run(api.env(), "tenant", "set-status", "ghost", "--to", "active");
        Cli.Result deactivated =
                Cli.run(api.env(), "tenant", "set-status", "ghost", "--to", "deactivated", "--reason", "x");
        Cli.Result unknown = Cli.run(api.env(), "tenant", "set-status", "ghost", "--to", "active", "--reason", "x");

        assertThat(missingReason.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingReason.err()).contains("--reason");
        assertThat(deactivated.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(unknown.err()).contains("(TENANT_NOT_FOUND)");
        assertThat(api.requests()).hasSize(1);
    }

    private static String release(
            UUID id, String status, String target, String createdAt, String finishedAt, String tenants) {
        return """
                {"id":"%s","targetTag":"%s","status":"%s","reason":null,"requestedBy":"deploy-job@ci","cohort":1,
                 "cohorts":2,"createdAt":"%s","startedAt":"%s","finishedAt":%s,
                 "counts":{"total":3,"pending":0,"migrating":0,"migrated":2,"failed":1,"skipped":0,"ahead":0,
                           "rollingBack":0,"rolledBack":0,"rollbackFailed":0},"tenants":%s}""".formatted(
                        id,
                        target,
                        status,
                        createdAt,
                        createdAt,
                        finishedAt == null ? "null" : "\"" + finishedAt + "\"",
                        tenants);
    }

    @Test
    void releaseListAsksForTheLimitAndPrintsNewestFirst() throws Exception {
        UUID newest = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        api.on(
                "GET",
                "/api/releases",
                r -> FakeApi.json(
                        200,
                        "[" + release(newest, "RUNNING", "v1.4", "2026-11-22T10:00:00Z", null, "null") + ","
                                + release(
                                        older, "HALTED", "v1.3", "2026-11-21T10:00:00Z", "2026-11-21T10:02:30Z", "null")
                                + "]"));
        Path json = tmp.resolve("releases.json");

        Cli.Result result = Cli.run(api.env(), "release", "list", "--limit", "2", "--json", json.toString());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(api.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("limit=2"));
        List<String> lines = lines(result.out());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(newest.toString()).contains("v1.4", "RUNNING", "running");
        assertThat(lines.get(2))
                .startsWith(older.toString())
                .contains("HALTED", "2m 30s", "3 (2 migrated, 1 failed)", "deploy-job@ci");
        assertAligned(lines.get(0), "STATUS", lines.get(2), "HALTED");
        assertAligned(lines.get(0), "BY", lines.get(1), "deploy-job@ci");
        assertThat(lines.get(3))
                .isEqualTo("2 releases, newest first; older ones: --limit 4 (at most 200). Details: "
                        + "tenantctl release show ID");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("releases")).hasSize(2);
        assertThat(written.path("releases").get(0).path("id").asText()).isEqualTo(newest.toString());
    }

    @Test
    void releaseListSaysSoWhenThereIsNoReleaseAndRefusesALimitOutOfRange() {
        api.on("GET", "/api/releases", r -> FakeApi.json(200, "[]"));

        Cli.Result empty = Cli.run(api.env(), "release", "list");
        Cli.Result tooMany = Cli.run(api.env(), "release", "list", "--limit", "201");

        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).isEqualTo("No releases yet." + System.lineSeparator());
        assertThat(api.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("limit=20"));
        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err()).contains("--limit must be from 1 to 200, not 201");
    }

    @Test
    void releaseShowPrintsATableOfItsTenantsThenTheSummaryAndExitsWithTheReleasesCode() throws Exception {
        UUID id = UUID.randomUUID();
        String tenants = """
                [{"tenantId":"%s","slug":"acme","cohort":0,"state":"MIGRATED","headBefore":"v1.3","headAfter":"v1.4",
                  "durationMillis":812,"attempts":1,"appliedChangeSets":[],"error":null},
                 {"tenantId":"%s","slug":"globex","cohort":1,"state":"FAILED","headBefore":"v1.3","headAfter":"v1.3",
                  "durationMillis":95,"attempts":2,"appliedChangeSets":[],
                  "error":{"code":"CHANGESET_SQL_ERROR","message":"column \\"fax\\" does not exist","hint":"Fix it.",
                           "changeSet":"db/v1.4.xml::v1.4-2::bob","blockingSessions":[]}},
                 {"tenantId":"%s","slug":"hooli","cohort":1,"state":"PENDING","headBefore":"v1.3","headAfter":null,
                  "durationMillis":null,"attempts":0,"appliedChangeSets":[],"error":null}]""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        api.on(
                "GET",
                "/api/releases/" + id,
                r -> FakeApi.json(
                        200, release(id, "HALTED", "v1.4", "2026-11-21T10:00:00Z", "2026-11-21T10:00:04Z", tenants)));
        Path json = tmp.resolve("release.json");

        Cli.Result result = Cli.run(api.env(), "release", "show", id.toString(), "--json", json.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.HALTED);
        List<String> lines = lines(result.out());
        assertThat(lines.get(0)).isEqualTo("Tenants (3):");
        String header = lines.get(1);
        assertThat(header).isEqualTo("  SLUG    COHORT  STATE     FROM  TO    DURATION  ATTEMPTS  ERROR");
        assertThat(lines.get(2)).isEqualTo("  acme    1/2     MIGRATED  v1.3  v1.4  812 ms    1         -");
        assertThat(lines.get(3))
                .isEqualTo("  globex  2/2     FAILED    v1.3  v1.3  95 ms     2         " + "CHANGESET_SQL_ERROR");
        assertThat(lines.get(4)).isEqualTo("  hooli   2/2     PENDING   v1.3  -     -         0         -");
        assertThat(result.out())
                .contains(
                        "Release " + id + " to v1.4: HALTED",
                        "globex at v1.3: CHANGESET_SQL_ERROR",
                        "exit code 3: halted after a failed cohort");
        JsonNode written = Json.mapper().readTree(Files.readAllBytes(json));
        assertThat(written.path("tenants")).hasSize(3);
        assertThat(written.path("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void releaseShowOfAnUnknownIdExitsFiveWithTheProblem() {
        UUID id = UUID.randomUUID();
        api.on(
                "GET",
                "/api/releases/.*",
                r -> FakeApi.problem(
                        404,
                        "RELEASE_NOT_FOUND",
                        "release " + id + " does not exist",
                        "Check the id: tenantctl release list shows them."));

        Cli.Result result = Cli.run(api.env(), "release", "show", id.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(result.err()).contains("error: release " + id + " does not exist (RELEASE_NOT_FOUND)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void releaseShowOfANonUuidIsAUsageError() {
        Cli.Result result = Cli.run(api.env(), "release", "show", "not-a-uuid");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(api.requests()).isEmpty();
    }
}
