package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.support.Api.authenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Release starts, resumes and rollbacks sent at the same moment (issue 13): resumes and rollbacks of one halted release
 * by several operators (exactly one acts, every other one is a 409 problem, never an optimistic-lock 500, and the
 * release log records one decision), one release posted several times (one release, every answer it), and two
 * releases started together (one release at a time still holds).
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class ConcurrentReleaseControlTest {
    private static final int ROUNDS = 2;
    private static final int CALLS_EACH = 6;

    @TestHTTPResource("/")
    URI base;

    private final RegisteredTenants tenants = new RegisteredTenants();
    private final List<UUID> releases = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void deleteReleasesAndTenants() {
        releases.forEach(RegisteredTenants::deleteRelease);
        tenants.close();
    }

    @Test
    void shouldLetExactlyOneOfConcurrentResumesAndRollbacksActAndAnswerTheOthers409() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int round = 0; round < ROUNDS; round++) {
            UUID releaseId = haltedRelease();
            List<HttpResponse<String>> answers = fireTogether(client, releaseId);

            List<Integer> statuses =
                    answers.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses).as("round %d: %s", round, bodies(answers)).containsOnly(202, 409);
            assertThat(statuses).as("round %d: one operator acts", round).containsOnlyOnce(202);
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() == 409) {
                    assertThat(answer.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    JsonNode problem = json.readTree(answer.body());
                    assertThat(problem.path("code").asText()).isIn("RELEASE_NOT_RESUMABLE", "CONCURRENT_MODIFICATION");
                    assertThat(problem.path("hint").asText()).isNotBlank();
                }
            }
            long decisions = RegisteredTenants.count(
                    "SELECT count(*) FROM release_log WHERE release_id = ? AND event IN "
                            + "('RESUMED', 'ROLLBACK_REQUESTED')",
                    releaseId);
            assertThat(decisions)
                    .as("round %d: decisions in the release log", round)
                    .isEqualTo(1);
            RegisteredTenants.deleteRelease(releaseId); // one release at a time: clear the way for the next round
        }
    }

    @Test
    void shouldStartOneReleaseWhenTheSameReleaseIsPostedSeveralTimesAtOnce() throws Exception {
        String slug = tenants.register("start-race", "ACTIVE");
        UUID releaseId = UUID.randomUUID();
        releases.add(releaseId);
        String body = "{\"releaseId\": \"" + releaseId + "\", \"spec\": {\"targetTag\": \"v1.4\", \"only\": [\"" + slug
                + "\"]}}";

        List<HttpResponse<String>> answers = fireTogether(
                HttpClient.newHttpClient(), 2 * CALLS_EACH, i -> post("/api/releases", body, "deploy-job-" + i));

        assertThat(answers).as("%s", bodies(answers)).allMatch(answer -> answer.statusCode() == 202);
        assertThat(RegisteredTenants.count(
                        "SELECT count(*) FROM release_log WHERE release_id = ? AND event = 'STARTED'", releaseId))
                .isEqualTo(1);
    }

    @Test
    void shouldKeepOneReleaseAtATimeWhenTwoStartAtOnce() throws Exception {
        String slug = tenants.registerMigrated("start-race", "ACTIVE", "v1.3"); // stays MIGRATING: no worker here
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(UUID.randomUUID());
        }
        releases.addAll(ids);

        List<HttpResponse<String>> answers = fireTogether(
                HttpClient.newHttpClient(),
                ids.size(),
                i -> post(
                        "/api/releases",
                        "{\"releaseId\": \"" + ids.get(i) + "\", \"spec\": {\"targetTag\": \"v1.4\", " + "\"only\": [\""
                                + slug + "\"]}}",
                        "deploy-job-" + i));

        assertThat(answers.stream().map(HttpResponse::statusCode).toList())
                .as("%s", bodies(answers))
                .containsOnlyOnce(202)
                .containsOnly(202, 422);
        assertThat(answers)
                .filteredOn(answer -> answer.statusCode() == 422)
                .allMatch(answer -> answer.body().contains("one release at a time"));
    }

    @Test
    void shouldRefuseToResumeOrRollBackAHaltedReleaseWhileAnotherIsInProgress() {
        UUID halted = haltedRelease();
        String slug = tenants.registerMigrated("in-progress", "ACTIVE", "v1.3"); // stays MIGRATING: no worker here
        UUID running = UUID.randomUUID();
        releases.add(running);
        authenticated()
                .body(Map.of("releaseId", running, "spec", Map.of("targetTag", "v1.4", "only", List.of(slug))))
                .post("/api/releases")
                .then()
                .statusCode(202)
                .body("status", equalTo("RUNNING"));

        for (String action : List.of("resume", "rollback")) {
            authenticated()
                    .header("X-Tenantfleet-Actor", "operator")
                    .post("/api/releases/" + halted + "/" + action)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("RELEASE_IN_PROGRESS"))
                    .body("detail", containsString(running.toString()));
        }
        authenticated().get("/api/releases/" + halted).then().statusCode(200).body("status", equalTo("HALTED"));
    }

    /** A release halted at once: its only tenant's history cannot be read (the role cannot log in). */
    private UUID haltedRelease() {
        String slug = tenants.register("control-race", "ACTIVE");
        RegisteredTenants.admin("ALTER ROLE \"" + tenants.lastDatabase().role + "\" NOLOGIN");
        UUID releaseId = UUID.randomUUID();
        releases.add(releaseId);
        authenticated()
                .body(Map.of("releaseId", releaseId, "spec", Map.of("targetTag", "v1.4", "only", List.of(slug))))
                .post("/api/releases")
                .then()
                .statusCode(202)
                .body("status", equalTo("HALTED"));
        return releaseId;
    }

    /** Six resumes and six rollbacks of {@code releaseId}, interleaved, sent at the same moment. */
    private List<HttpResponse<String>> fireTogether(HttpClient client, UUID releaseId) throws Exception {
        return fireTogether(
                client,
                2 * CALLS_EACH,
                i -> post(
                        "/api/releases/" + releaseId + "/" + (i % 2 == 0 ? "resume" : "rollback"),
                        null,
                        "operator-" + i));
    }

    private HttpRequest post(String path, String json, String actor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("X-Tenantfleet-Actor", actor)
                .timeout(Duration.ofSeconds(60));
        return json == null
                ? request.POST(HttpRequest.BodyPublishers.noBody()).build()
                : request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
    }

    /** {@code calls} requests sent by as many threads released at the same moment; the answers in order. */
    private static List<HttpResponse<String>> fireTogether(
            HttpClient client, int calls, java.util.function.IntFunction<HttpRequest> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                HttpRequest request = requests.apply(i);
                sent.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> call : sent) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> bodies(List<HttpResponse<String>> answers) {
        return answers.stream()
                .map(answer -> answer.statusCode() + " " + answer.body())
                .toList();
    }
}
