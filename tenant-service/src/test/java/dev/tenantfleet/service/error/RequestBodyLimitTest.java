package dev.tenantfleet.service.error;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request bodies are bounded per endpoint (issue 13, defect 8): a refused release no longer keeps a huge spec. */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class RequestBodyLimitTest {
    private final UUID releaseId = UUID.randomUUID();

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void deleteRelease() {
        RegisteredTenants.deleteRelease(releaseId);
    }

    @Test
    void shouldAnswer413AndStoreNothingForAnOversizedReleaseSpec() {
        Map<String, Object> spec = Map.of(
                "targetTag",
                "v9.9",
                "only",
                Collections.nCopies(40_000, "a-tenant-that-makes-this-spec-big"),
                "padding",
                "p".repeat(1_000_000));

        Response response = authenticated()
                .body(Map.of("releaseId", releaseId, "spec", spec))
                .post("/api/releases");

        assertThat(assertProblem(response, 413)).isEqualTo("BODY_TOO_LARGE");
        assertThat((String) response.path("detail")).contains("bytes");
        assertThat(RegisteredTenants.count("SELECT count(*) FROM release WHERE id = ?", releaseId))
                .isZero();
    }

    @Test
    void shouldAnswer413ForAChunkedBodyBeyondTheLimit() throws Exception {
        byte[] body = ("{\"releaseId\": \"" + releaseId
                        + "\", \"spec\": {\"targetTag\": \"v9.9\", \"changelogDigest\": \""
                        + "d".repeat(3 * 1024 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/releases"))
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("BODY_TOO_LARGE");
        assertThat(RegisteredTenants.count("SELECT count(*) FROM release WHERE id = ?", releaseId))
                .isZero();
    }

    @Test
    void shouldStillAcceptALargeImport() {
        StringBuilder csv = new StringBuilder("slug,name,database,username\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("fuzz-row-")
                    .append(i)
                    .append(",Row ")
                    .append(i)
                    .append(" of a large import, with a display name as long as real ones get,")
                    .append("9-not-a-database-name-")
                    .append(i)
                    .append(",tft_no_such_role\n");
        }
        assertThat(csv.length()).isGreaterThan(1024 * 1024);

        authenticated()
                .contentType("text/csv")
                .queryParam("dryRun", true)
                .body(csv.toString())
                .post("/api/tenants/import")
                .then()
                .statusCode(200);
    }
}
