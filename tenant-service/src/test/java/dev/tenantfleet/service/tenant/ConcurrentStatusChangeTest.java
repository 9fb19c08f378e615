package dev.tenantfleet.service.tenant;

import static dev.tenantfleet.service.support.Api.authenticated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status changes of one tenant sent at the same time by real concurrent clients (issue 13, defect 3). */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class ConcurrentStatusChangeTest {
    private static final int CLIENTS = 8;
    private static final int REQUESTS_PER_CLIENT = 30;
    private static final List<String> TARGETS = List.of("READ_ONLY", "SUSPENDED", "ACTIVE");

    @TestHTTPResource("/")
    URI base;

    private final RegisteredTenants tenants = new RegisteredTenants();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void deleteTenants() {
        tenants.close();
    }

    @Test
    void shouldAnswer409WhenTwoStatusChangesRace() throws Exception {
        String slug = tenants.register("race", "ACTIVE");
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<HttpResponse<String>>>> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                clients.add(pool.submit((Callable<List<HttpResponse<String>>>) () -> {
                    start.await();
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        answers.add(client.send(
                                statusChange(slug, TARGETS.get((first + i) % TARGETS.size())),
                                HttpResponse.BodyHandlers.ofString()));
                    }
                    return answers;
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> answered : clients) {
                answers.addAll(answered.get());
            }

            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as("answer %s", answer.body()).isIn(200, 409);
                if (answer.statusCode() == 409) {
                    JsonNode problem = json.readTree(answer.body());
                    assertThat(answer.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(problem.path("code").asText()).isEqualTo("CONCURRENT_MODIFICATION");
                    assertThat(problem.path("hint").asText()).containsIgnoringCase("retry");
                }
            }
            assertThat(answers).anyMatch(answer -> answer.statusCode() == 200);
        } finally {
            pool.shutdownNow();
        }
        assertAuditTrailIsOneUnbrokenChain(slug);
    }

    /** No change was lost: every STATUS_CHANGED row starts where the one before it ended. */
    private static void assertAuditTrailIsOneUnbrokenChain(String slug) {
        JsonPath trail = authenticated()
                .get("/api/tenants/" + slug + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> from = trail.getList("findAll { it.action == 'STATUS_CHANGED' }.fromStatus");
        List<String> to = trail.getList("findAll { it.action == 'STATUS_CHANGED' }.toStatus");
        assertThat(from).isNotEmpty();
        assertThat(from.get(0)).isEqualTo("ACTIVE");
        for (int i = 1; i < from.size(); i++) {
            assertThat(from.get(i))
                    .as("change %d starts where change %d ended", i, i - 1)
                    .isEqualTo(to.get(i - 1));
        }
        String status =
                authenticated().get("/api/tenants/" + slug).then().extract().path("status");
        assertThat(status).isEqualTo(to.get(to.size() - 1));
    }

    private HttpRequest statusChange(String slug, String target) {
        return HttpRequest.newBuilder(base.resolve("/api/tenants/" + slug + "/status"))
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("Content-Type", "application/json")
                .header("X-Tenantfleet-Actor", "race-test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"" + target + "\", \"reason\": \"race\"}"))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
