package dev.tenantfleet.service.error;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.PostgresAdmin;
import dev.tenantfleet.service.support.RegisteredTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every endpoint of docs/rest-api.md (issue 13): malformed bodies, NUL bytes, huge fields, wrong types, unknown
 * enums, path and query tricks. No answer may be a 5xx, and every 4xx must be application/problem+json with a code and
 * a hint. The base requests are never valid (a release to a tag that does not exist, an adoption of a database that
 * does not exist, in a dry run, a server on port 0), so a fuzzed field cannot make one valid by accident; anything made
 * anyway is deleted. The one 4xx that is no problem: the dashboard's login form answers a wrong token with the form
 * again (HTML, for a browser). Left out: POST /api/credentials/re-encrypt (no input, and it re-encrypts the shared control
 * database's tenants) and the event stream (it never ends).
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class RestFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUL = "\u0000";
    private static final String HUGE = "x".repeat(100_000);

    /** Values each body field is replaced with, one at a time. */
    private static final List<Object> FIELD_VALUES = fieldValues();

    /** Whole bodies no JSON endpoint can read. */
    private static final List<String> MALFORMED_BODIES = List.of(
            "",
            " ",
            "null",
            "{",
            "}",
            "[]",
            "[[[[",
            "\"text\"",
            "42",
            "true",
            "{\"a\":",
            "{\"a\" 1}",
            "{'a': 1}",
            "{\"a\": 1,}",
            "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
            "{\"a\": 1e99999}",
            "{\"a\": " + "9".repeat(5000) + "}",
            "{\"a\": \"\\ud800\"}",
            "{\"a\": \"\\u0000\"}",
            "\u0000",
            "{\"a\": NaN}",
            "{\"a\": -}",
            "\uFEFF{}",
            "{\"a\": \"" + "\\\\".repeat(10) + "\"}");

    /** Path segments tried where a slug, server name or release id goes. */
    private static final List<String> PATH_SEGMENTS = List.of(
            "a%00b",
            "%00",
            "..",
            "%2e%2e",
            "a%2Fb",
            "%ff",
            "%c0%af",
            "a;b",
            "%25",
            "a%20b",
            "%E2%80%AE",
            "%7Bslug%7D",
            "*",
            "a".repeat(300),
            "ACME",
            "-",
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "1e3",
            "%0d%0aX-Injected:%20yes");

    private final RegisteredTenants tenants = new RegisteredTenants();
    private final String actor = "fuzz-" + UUID.randomUUID();
    private final List<String> failures = new ArrayList<>();
    private String slug;

    @BeforeEach
    void registerATenant() {
        slug = tenants.register("fuzz", "ACTIVE");
    }

    @AfterEach
    void deleteWhatTheFuzzMade() {
        tenants.close();
        RegisteredTenants.update(
                "DELETE FROM release_log WHERE release_id IN (SELECT id FROM release WHERE requested_by = ?)", actor);
        RegisteredTenants.update("DELETE FROM release WHERE requested_by = ?", actor);
        RegisteredTenants.update("DELETE FROM database_server WHERE name LIKE 'fuzz-%'");
        for (String made : madeTenants()) {
            Api.awaitProvisioningSettled(made);
            PostgresAdmin.dropTenant(Api.databaseOf(made), Api.roleOf(made));
        }
    }

    @Test
    void shouldAnswerNoServerErrorAndAProblemForEveryFuzzedTenantRequest() throws Exception {
        fuzzJsonBody("POST", "/api/tenants", Map.of("slug", "Not A Slug", "name", "Fuzz", "server", "nowhere"));
        fuzzJsonBody("POST", "/api/tenants/" + slug + "/status", Map.of("to", "SUSPENDED", "reason", "fuzz"));
        fuzzJsonBody("POST", "/api/tenants/" + slug + "/deactivate", Map.of("reason", "fuzz"));
        for (String segment : PATH_SEGMENTS) {
            send("GET", "/api/tenants/" + segment, null, null);
            send("GET", "/api/tenants/" + segment + "/audit", null, null);
            send(
                    "POST",
                    "/api/tenants/" + segment + "/status",
                    "application/json",
                    "{\"to\": \"ACTIVE\", \"reason\": \"fuzz\"}");
            send("POST", "/api/tenants/" + segment + "/deactivate", "application/json", "{\"reason\": \"fuzz\"}");
            send("POST", "/api/tenants/" + segment + "/provision", null, null);
        }
        for (String query : List.of(
                "status=HAPPY",
                "status=active",
                "status=%00",
                "page=-1",
                "page=2147483647",
                "page=99999999999",
                "page=abc",
                "page=1.5",
                "size=0",
                "size=501",
                "size=-2147483648",
                "size=",
                "page=",
                "page=1&page=2",
                "status=ACTIVE&status=GONE",
                "%00=1",
                "page=%00",
                "size=1e2",
                "head=%00",
                "server=%00",
                "head=%27%20OR%201%3D1%20--",
                "server=local%27%3B%20DROP%20TABLE%20tenant%3B%20--",
                "head=a&head=b",
                "server=" + "s".repeat(4_000),
                "head=%E2%80%AE%F0%9F%92%A5")) {
            send("GET", "/api/tenants?" + query, null, null);
        }
        assertNoFailures();
    }

    @Test
    void shouldAnswerNoServerErrorAndAProblemForEveryFuzzedAdoptionRequest() throws Exception {
        Map<String, Object> adoption = new LinkedHashMap<>();
        adoption.put("slug", Api.randomSlug("fuzz"));
        adoption.put("name", "Fuzz");
        adoption.put("server", "local");
        adoption.put("database", "tft_fuzz_no_such_database");
        adoption.put("username", "tft_fuzz_no_such_role");
        adoption.put("password", "secret");
        adoption.put("status", "ACTIVE");
        adoption.put("baselineTag", "v1.2");
        fuzzJsonBody("POST", "/api/tenants/adopt?dryRun=true", adoption);
        fuzzJsonBody("POST", "/api/tenants/import?dryRun=true", List.of(adoption));
        for (String csv : List.of(
                "",
                "\n\n",
                "slug",
                "nope\n1",
                "slug,name,database,username\n\"unclosed",
                "slug,name,database,username\na,b,c,d,e,f",
                "slug,name,database,username\n" + NUL + ",x,y,z",
                "slug,name,database,username\nfuzz-a,N" + NUL + "ame,db,user",
                "slug,name,server,database,username\nfuzz-a,N,loc" + NUL + ",db,user",
                "slug,name,database,username,status,baseline_tag\nfuzz-a,N,db,u,HAPPY,v" + NUL,
                "slug,name,database,username\n" + HUGE + "," + HUGE + "," + HUGE + "," + HUGE,
                "\uFEFFslug,name,database,username\n,,,",
                "slug,slug\na,b",
                "slug,name,database,username\n" + "fuzz-row,N,db,u\n".repeat(3))) {
            send("POST", "/api/tenants/import?dryRun=true", "text/csv", csv);
        }
        for (String query : List.of(
                "dryRun=maybe",
                "dryRun=%00",
                "baselineTag=%00&dryRun=true",
                "baselineTag=" + "v".repeat(5000) + "&dryRun=true")) {
            send("POST", "/api/tenants/import?" + query, "application/json", "[]");
        }
        send("POST", "/api/tenants/import?dryRun=true", "application/xml", "<rows/>");
        send("POST", "/api/tenants/adopt?dryRun=true", "text/csv", "slug\nx");
        assertNoFailures();
    }

    @Test
    void shouldAnswerNoServerErrorAndAProblemForEveryFuzzedReleaseRequest() throws Exception {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("targetTag", "v9.9");
        spec.put("changelogDigest", "sha256:fuzz");
        spec.put("strategy", "COHORTS");
        spec.put("cohorts", Map.of());
        spec.put("concurrency", 2);
        spec.put("serverConcurrency", 1);
        spec.put("tenantTimeoutSeconds", 60);
        spec.put("statuses", List.of("ACTIVE"));
        spec.put("only", List.of(slug));
        spec.put("failurePolicy", "HALT");
        spec.put("failureBudget", Map.of());
        spec.put("readOnlyGate", false);
        spec.put("allowNonTransactional", false);
        fuzzJsonBody("POST", "/api/releases", Map.of("spec", spec));
        for (Map.Entry<String, Object> field : spec.entrySet()) {
            for (Object value : FIELD_VALUES) {
                Map<String, Object> fuzzed = new LinkedHashMap<>(spec);
                fuzzed.put(field.getKey(), value);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("spec", fuzzed);
                send("POST", "/api/releases", "application/json", JSON.writeValueAsString(body));
            }
        }
        for (String segment : PATH_SEGMENTS) {
            send("GET", "/api/releases/" + segment, null, null);
            send("GET", "/api/releases/" + segment + "/log", null, null);
            send("POST", "/api/releases/" + segment + "/resume", null, null);
            send("POST", "/api/releases/" + segment + "/rollback", null, null);
        }
        for (String query : List.of("limit=0", "limit=201", "limit=-1", "limit=abc", "limit=2147483648", "limit=%00")) {
            send("GET", "/api/releases?" + query, null, null);
        }
        for (String query : List.of(
                "",
                "target=",
                "target=%00",
                "target=v9.9",
                "target=" + "v".repeat(3000),
                "target=v1.4&only=%00",
                "target=v1.4&only=,,,",
                "target=v1.4&only=" + "a,".repeat(500),
                "target=v1.4&only=..%2F..",
                "target=%27%20OR%201%3D1")) {
            String only = query.contains("only=") ? "" : "only=fuzz-no-such-tenant";
            send(
                    "GET",
                    "/api/releases/plan?" + query + (query.isEmpty() || only.isEmpty() ? "" : "&") + only,
                    null,
                    null);
        }
        assertNoFailures();
    }

    @Test
    void shouldAnswerNoServerErrorAndAProblemForEveryFuzzedServerRequest() throws Exception {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", "fuzz-" + UUID.randomUUID().toString().substring(0, 8));
        server.put("host", "db.example.com");
        server.put("port", 0); // never valid: no fuzzed field can register this server
        server.put("adminCredentialsRef", "local");
        server.put("concurrencyCap", 2);
        fuzzJsonBody("POST", "/api/servers", server);
        fuzzJsonBody("PUT", "/api/servers/fuzz-no-such-server", server);
        for (String host : List.of(
                "127.0.0.1:5432/postgres?socketFactory=org.example.Evil",
                "db?sslmode=disable",
                "db&user=x",
                "db/other",
                "db host",
                "-db",
                "db..example",
                "[::1]",
                "::1]",
                "db\r\nX: y",
                HUGE,
                "",
                "db,db2",
                "%00",
                "h\u00e9te")) {
            Map<String, Object> fuzzed = new LinkedHashMap<>(server);
            fuzzed.put("host", host);
            send("POST", "/api/servers", "application/json", JSON.writeValueAsString(fuzzed));
        }
        for (String segment : PATH_SEGMENTS) {
            send("GET", "/api/servers/" + segment, null, null);
            send("PUT", "/api/servers/" + segment, "application/json", JSON.writeValueAsString(server));
        }
        assertNoFailures();
    }

    @Test
    void shouldAnswerNoServerErrorAndAProblemForEveryOtherDocumentedRoute() {
        send("GET", "/api/fleet/status?x=%00", null, null);
        send("GET", "/api/openapi?format=%00", null, null);
        send("GET", "/api/openapi?format=" + "j".repeat(2000), null, null);
        send("GET", "/api/health?x=%00", null, null);
        send("GET", "/q/metrics?name[]=%00", null, null);
        for (String method : List.of("DELETE", "PATCH", "OPTIONS", "PUT")) {
            send(method, "/api/tenants", "application/json", "{}");
            send(method, "/api/releases", "application/json", "{}");
        }
        for (String body :
                List.of("", "token=", "token=%00", "token=" + "t".repeat(100_000), "token=a&token=b", "%%%", "token")) {
            send("POST", "/dashboard/login", "application/x-www-form-urlencoded", body);
        }
        send("POST", "/dashboard/login", "application/json", "{\"token\": \"x\"}");
        send("GET", "/api/no/such/route", null, null);
        send("GET", "/api/tenants/" + "a".repeat(20_000), null, null);
        assertNoFailures();
    }

    /** Sends the malformed bodies, then {@code base} with each field replaced by each fuzz value. */
    private void fuzzJsonBody(String method, String path, Object base) throws Exception {
        for (String body : MALFORMED_BODIES) {
            send(method, path, "application/json", body);
        }
        send(method, path, "text/plain", JSON.writeValueAsString(base));
        send(method, path, "application/json; charset=ISO-8859-1", JSON.writeValueAsString(base));
        @SuppressWarnings("unchecked")
        Map<String, Object> fields =
                base instanceof List<?> rows ? (Map<String, Object>) rows.get(0) : (Map<String, Object>) base;
        for (String field : fields.keySet()) {
            for (Object value : FIELD_VALUES) {
                Map<String, Object> fuzzed = new LinkedHashMap<>(fields);
                fuzzed.put(field, value);
                send(
                        method,
                        path,
                        "application/json",
                        JSON.writeValueAsString(base instanceof List<?> ? List.of(fuzzed) : fuzzed));
            }
        }
    }

    private void send(String method, String uri, String contentType, String body) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("X-Tenantfleet-Actor", actor);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null && "application/x-www-form-urlencoded".equals(contentType)) {
            request.body(body); // REST Assured encodes forms from text only
        } else if (body != null) {
            request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        String described = method + " " + abbreviate(uri) + (body == null ? "" : " " + abbreviate(body));
        Response response;
        try {
            response = request.request(method, uri);
        } catch (RuntimeException e) {
            failures.add(described + ": the request failed: " + e);
            return;
        }
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(described + " answered " + status + ": "
                    + abbreviate(response.body().asString()));
        } else if (status >= 400 && !isProblem(response) && !isTheLoginFormAgain(uri, response)) {
            failures.add(described + " answered " + status + " without a problem body: " + response.contentType() + " "
                    + abbreviate(response.body().asString()));
        }
    }

    /** The dashboard's login form answers a wrong token with itself (HTML, for the person at the browser), as documented. */
    private static boolean isTheLoginFormAgain(String uri, Response response) {
        return uri.equals("/dashboard/login")
                && response.statusCode() == 401
                && response.contentType().startsWith("text/html");
    }

    private static boolean isProblem(Response response) {
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            var problem = JSON.readTree(response.body().asString());
            return !problem.path("code").asText().isBlank()
                    && !problem.path("hint").asText().isBlank()
                    && problem.path("status").asInt() == response.statusCode();
        } catch (Exception e) {
            return false;
        }
    }

    private void assertNoFailures() {
        assertThat(failures)
                .as("requests answered with a 5xx or a 4xx without a problem body")
                .isEmpty();
    }

    private List<String> madeTenants() {
        List<String> made = new ArrayList<>();
        try (var connection = PostgresAdmin.connect(ControlDatabase.NAME);
                var statement = connection.prepareStatement(
                        "SELECT t.slug FROM tenant t JOIN tenant_audit a ON a.tenant_id = t.id "
                                + "WHERE a.action = 'REGISTERED' AND a.actor = ?")) {
            statement.setString(1, actor);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    made.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return made;
    }

    private static String abbreviate(String text) {
        String printable = text.replace(NUL, "\\0");
        return printable.length() > 160
                ? printable.substring(0, 160) + "...(" + printable.length() + " chars)"
                : printable;
    }

    private static List<Object> fieldValues() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        values.add("");
        values.add(" ");
        values.add("a" + NUL + "b");
        values.add(NUL);
        values.add(HUGE);
        values.add("HAPPY");
        values.add("\uD83D\uDE00\u202E\u0007");
        values.add("' OR '1'='1");
        values.add("../../etc/passwd");
        values.add(true);
        values.add(0);
        values.add(-1);
        values.add(Long.MAX_VALUE);
        values.add(new BigInteger("9".repeat(40)));
        values.add(1.5);
        values.add(List.of());
        values.add(List.of("a" + NUL, HUGE));
        values.add(Map.of());
        values.add(Map.of("nested", List.of(Map.of("deeper", NUL))));
        return Collections.unmodifiableList(values); // List.copyOf refuses the null
    }
}
