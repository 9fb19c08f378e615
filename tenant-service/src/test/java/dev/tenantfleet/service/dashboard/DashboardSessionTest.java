package dev.tenantfleet.service.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.tenantfleet.service.security.DashboardSession;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.testsupport.OwnVhost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's browser session: the system token on a form buys a read-only cookie, and nothing more. */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
@WithTestResource(OwnVhost.class)
class DashboardSessionTest {
    @Inject
    DashboardSession session;

    @Test
    void shouldSendABrowserWithoutASessionToTheLoginForm() {
        given().redirects()
                .follow(false)
                .accept("text/html")
                .get("/dashboard/")
                .then()
                .statusCode(302)
                .header("Location", "/dashboard/login");
        given().get("/dashboard/login").then().statusCode(200).body(containsString("name=\"token\""));
    }

    @Test
    void shouldRefuseALoginWithAWrongTokenAndSetNoCookie() {
        Response response = login("not-the-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getDetailedCookies().hasCookieWithName(DashboardSession.COOKIE))
                .isFalse();
        assertThat(response.body().asString()).contains("That is not the system token.");
    }

    @Test
    void shouldOpenTheDashboardAndReadTheApiWithTheCookieOfAGoodLogin() {
        Response response = login(Api.TOKEN);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location"))
                .as("relative, so a TLS-terminating proxy keeps https")
                .isEqualTo("/dashboard/");
        var cookie = response.getDetailedCookie(DashboardSession.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax"); // links from chat and pagers land logged in
        assertThat(cookie.getMaxAge()).isEqualTo(DashboardSession.LIFETIME.toSeconds());
        assertThat(cookie.getValue()).isNotBlank().doesNotContain(Api.TOKEN);
        given().cookie(DashboardSession.COOKIE, cookie.getValue())
                .get("/dashboard/")
                .then()
                .statusCode(200)
                .body(containsString("dashboard.js"));
        given().cookie(DashboardSession.COOKIE, cookie.getValue())
                .get("/api/tenants")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldNotAcceptTheSessionCookieForChanges() {
        String session = login(Api.TOKEN).getCookie(DashboardSession.COOKIE);

        given().cookie(DashboardSession.COOKIE, session)
                .contentType("application/json")
                .body(Map.of("slug", Api.randomSlug("cookie"), "name", "Cookie Co"))
                .post("/api/tenants")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseAForgedSessionCookie() {
        given().cookie(DashboardSession.COOKIE, "forged")
                .get("/api/tenants")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseASessionOlderThanItsLifetime() {
        String expired =
                session.value(Instant.now().minus(DashboardSession.LIFETIME).minusSeconds(60));
        String fresh = session.value(Instant.now().minusSeconds(60));

        given().cookie(DashboardSession.COOKIE, expired)
                .get("/api/tenants")
                .then()
                .statusCode(401);
        given().cookie(DashboardSession.COOKIE, fresh)
                .get("/api/tenants")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldForbidFramingAndForeignScriptsOnTheDashboardPages() {
        for (String path : new String[] {"/dashboard/login", "/dashboard/"}) {
            given().redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"));
        }
    }

    private static Response login(String token) {
        return given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("token", token)
                .post("/dashboard/login");
    }
}
