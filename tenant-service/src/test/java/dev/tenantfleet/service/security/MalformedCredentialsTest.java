package dev.tenantfleet.service.security;

import static dev.tenantfleet.service.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.testsupport.CapturedLogs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unauthenticated requests with malformed credentials (issue 13, defect 4): every one is a 401 problem, and none leaves
 * more than one log line (never a stack trace).
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class MalformedCredentialsTest {
    private CapturedLogs logs;

    @BeforeEach
    void captureLogs() {
        logs = CapturedLogs.of("");
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void shouldAnswer401ToADashboardCookieWithAnOutOfRangeTimestamp() {
        Response response = given().cookie(DashboardSession.COOKIE, "9223372036854775807.AAAA")
                .get("/api/tenants");

        assertThat(assertProblem(response, 401)).isEqualTo("UNAUTHENTICATED");
        assertAtMostOneLineAndNoStackTrace();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-9223372036854775808.AAAA",
                "31556889864403199.AAAA",
                "-31556889864403199.AAAA",
                "99999999999999999999999.AAAA",
                "1700000000.",
                ".AAAA",
                "1700000000",
                "+1700000000.AAAA",
                "0x10.AAAA",
                "1700000000.\u00e9\u00e9",
                "1700000000.AAAA.BBBB",
                "\"1700000000.AAAA\"",
                "%00.%00"
            })
    void shouldAnswer401ToAnyMalformedDashboardCookie(String cookie) {
        Response response = given().cookie(DashboardSession.COOKIE, cookie).get("/api/tenants");

        assertThat(assertProblem(response, 401)).isEqualTo("UNAUTHENTICATED");
        assertAtMostOneLineAndNoStackTrace();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer",
                "Bearer ",
                "bearer test-token",
                "Basic dGVzdDp0ZXN0",
                "Bearer  test-token",
                "Bearer \u00e9\u00e9\u00e9",
                "Bearer test-token, Bearer test-token",
                "Bearer test-token\u00a0"
            })
    void shouldAnswer401ToAnyMalformedAuthorizationHeader(String header) {
        Response response = given().header("Authorization", header).get("/api/tenants");

        assertThat(assertProblem(response, 401)).isEqualTo("UNAUTHENTICATED");
        assertAtMostOneLineAndNoStackTrace();
    }

    @Test
    void shouldAnswer401ToMalformedCookieHeaders() {
        for (String header : List.of(
                "tenantfleet_dashboard",
                "=;=;=",
                "tenantfleet_dashboard=;tenantfleet_dashboard=1.2",
                "tenantfleet_dashboard=" + "9".repeat(4000) + ".x")) {
            Response response = given().header("Cookie", header).get("/api/tenants");

            assertThat(assertProblem(response, 401)).as(header).isEqualTo("UNAUTHENTICATED");
        }
        assertAtMostOneLineAndNoStackTrace();
    }

    private void assertAtMostOneLineAndNoStackTrace() {
        List<CapturedLogs.Line> requestLines = logs.all().stream()
                .filter(line -> line.logger().startsWith("io.quarkus.vertx.http")
                        || line.logger().startsWith("io.vertx")
                        || line.logger().startsWith("dev.tenantfleet.service.security")
                        || line.logger().startsWith("io.quarkus.resteasy"))
                .toList();
        assertThat(requestLines).as("log lines of the refused requests").allMatch(line -> line.thrown() == null);
        assertThat(requestLines.stream()
                        .filter(line -> line.logger().startsWith("io."))
                        .toList())
                .isEmpty();
    }
}
