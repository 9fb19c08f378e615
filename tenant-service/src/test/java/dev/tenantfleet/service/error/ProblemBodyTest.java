package dev.tenantfleet.service.error;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors the framework answers before any resource runs (issue 13, defect 6): each is an application/problem+json
 * answer with a code and a hint, and the body is read strictly (no scalar coercion). None of these requests is valid
 * enough to create anything: each also names a server that does not exist.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class ProblemBodyTest {
    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void deleteWhatCoercionWouldHaveMade() {
        dev.tenantfleet.service.support.RegisteredTenants.update("DELETE FROM database_server WHERE name = 'coerced'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/tenants | {\"slug\": true, \"name\": \"Coerced\", \"server\": \"nowhere\"} | slug",
                "/api/tenants | {\"slug\": 12345, \"name\": \"Coerced\", \"server\": \"nowhere\"} | slug",
                "/api/tenants | {\"slug\": \"SLUG\", \"name\": 42, \"server\": \"nowhere\"} | name",
                "/api/tenants | {\"slug\": \"SLUG\", \"name\": \"Coerced\", \"server\": false} | server",
                "/api/servers | {\"name\": \"coerced\", \"host\": \"db.example.com\", \"port\": \"5432\", \"adminCredentialsRef\": \"nowhere\"} | port",
                "/api/servers | {\"name\": \"coerced\", \"host\": \"db.example.com\", \"port\": 5432.5, \"adminCredentialsRef\": \"nowhere\"} | port",
                "/api/servers | {\"name\": \"coerced\", \"host\": 127, \"port\": 5432, \"adminCredentialsRef\": \"nowhere\"} | host",
                "/api/releases | {\"spec\": {\"targetTag\": 1.4}} | targetTag",
                "/api/releases | {\"spec\": {\"targetTag\": \"v9.9\", \"readOnlyGate\": \"yes\"}} | readOnlyGate"
            })
    void shouldRefuseToCoerceScalars(String path, String body, String field) {
        Response response = authenticated()
                .body(body.replace("SLUG", Api.randomSlug("coerce")))
                .post(path);

        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_REQUEST");
        assertThat((String) response.path("detail")).contains(field);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/tenants | [] | ",
                "/api/tenants | \"a string\" | ",
                "/api/tenants | {\"slug\": {\"a\": 1}, \"name\": \"Shape\", \"server\": \"nowhere\"} | slug",
                "/api/tenants | {\"slug\": [\"a\"], \"name\": \"Shape\", \"server\": \"nowhere\"} | slug",
                "/api/tenants/acme/status | {\"to\": [\"ACTIVE\"]} | to",
                "/api/tenants/acme/status | {\"to\": {}} | to",
                "/api/servers | {\"name\": \"shape\", \"host\": \"db.example.com\", \"port\": 99999999999, \"adminCredentialsRef\": \"x\"} | port",
                "/api/releases | {\"releaseId\": \"not-a-uuid\", \"spec\": {\"targetTag\": \"v9.9\"}} | releaseId",
                "/api/releases | {\"spec\": {\"targetTag\": \"v9.9\", \"concurrency\": 0}} | spec",
                "/api/releases | {\"spec\": []} | spec",
                "/api/tenants/import | {\"slug\": \"x\"} | "
            })
    void shouldAnswerTypeAndShapeErrorsWithAProblem(String path, String body, String field) {
        Response response = authenticated().body(body).post(path);

        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_REQUEST");
        if (field != null) {
            assertThat((String) response.path("detail")).contains(field);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/tenants/acme/status | {\"to\": \"HAPPY\"} | to",
                "/api/tenants/acme/status | {\"to\": 2} | to",
                "/api/releases | {\"spec\": {\"targetTag\": \"v9.9\", \"strategy\": \"SIDEWAYS\"}} | strategy",
                "/api/releases | {\"spec\": {\"targetTag\": \"v9.9\", \"statuses\": [\"GONE\"]}} | statuses",
                "/api/releases | {\"spec\": {\"targetTag\": \"v9.9\", \"failurePolicy\": \"PANIC\"}} | failurePolicy"
            })
    void shouldAnswerUnknownEnumValuesWithAProblemNamingTheField(String path, String body, String field) {
        Response response = authenticated().body(body).post(path);

        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_REQUEST");
        assertThat((String) response.path("detail")).contains(field).doesNotContain("dev.tenantfleet");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/tenants?page=abc | page",
                "/api/tenants?size=-1 | size",
                "/api/tenants?size=1e3 | size",
                "/api/tenants?status=HAPPY | status",
                "/api/tenants?status=active | status",
                "/api/releases?limit=many | limit",
                "/api/releases?limit=0 | limit"
            })
    void shouldAnswer400ForInvalidQueryParameters(String uri, String parameter) {
        Response response = authenticated().urlEncodingEnabled(false).get(uri);

        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_PARAMETER");
        assertThat((String) response.path("detail")).contains(parameter);
        assertThat((String) response.path("hint")).contains("parameter").doesNotContain("body");
    }

    @Test
    void shouldAnswer404And405AndUnreadablePathParametersWithAProblem() {
        assertProblem(authenticated().get("/api/no-such-thing"), 404);
        assertProblem(authenticated().delete("/api/tenants"), 405);
        Response unreadable = authenticated().get("/api/releases/not-a-uuid");
        assertThat(assertProblem(unreadable, 400)).isEqualTo("INVALID_PARAMETER");
        assertThat((String) unreadable.path("detail")).contains("/api/releases/not-a-uuid");
        Response unknown = authenticated().get("/api/no-such-thing");
        assertThat((String) unknown.path("code")).isEqualTo("NO_SUCH_ROUTE");
        assertThat((String) unknown.path("hint")).doesNotContain("body");
    }

    @Test
    void shouldAnswer415And406WithAProblem() {
        assertProblem(
                authenticated().contentType("application/xml").body("<tenant/>").post("/api/tenants"), 415);
        assertProblem(authenticated().accept("image/png").get("/api/servers"), 406);
    }

    @Test
    void shouldAnswer414WithAProblem() {
        Response response = authenticated().get("/api/tenants/" + "a".repeat(10_000));

        assertThat(assertProblem(response, 414)).isEqualTo("URI_TOO_LONG");
    }

    @Test
    void shouldAnswer413WithAProblemForABodyBeyondTheJsonLimit() {
        String body = "{\"slug\": \"big\", \"name\": \"" + "n".repeat(2 * 1024 * 1024) + "\"}";

        Response response = authenticated().body(body).post("/api/tenants");

        assertThat(assertProblem(response, 413)).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void shouldAnswer413WithAProblemForABodyBeyondTheServerLimit() throws Exception {
        // Only the headers are sent: the service answers from the declared length, without reading a byte of the body.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/tenants/import HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Authorization: Bearer " + Api.TOKEN + "\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + 100L * 1024 * 1024 + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = readAnswer(socket);

            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"BODY_TOO_LARGE\"", "\"hint\"");
        }
    }

    /** Reads until the problem's closing brace: the service may keep the socket open for the body it never reads. */
    private static String readAnswer(Socket socket) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[1024];
        int n;
        while (!(answer.indexOf("\"hint\"") > 0 && answer.toString().strip().endsWith("}"))
                && (n = socket.getInputStream().read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return answer.toString();
    }
}
