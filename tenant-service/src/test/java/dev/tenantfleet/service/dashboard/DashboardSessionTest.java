package dev.tenantfleet.service.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.tenantfleet.service.security.DashboardSession;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.TestVhost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's browser session: the system token on a form buys a read-only cookie, and nothing more. */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
@WithTestResource(TestVhost.class)
class DashboardSessionTest {

    @Test
    void shouldSendABrowserWithoutASessionToTheLoginForm() {
        given().redirects().follow(false).accept("text/html").get("/dashboard/").then().statusCode(302)
                .header("Location", "/dashboard/login");
        given().get("/dashboard/login").then().statusCode(200).body(containsString("name=\"token\""));
    }

    @Test
    void shouldRefuseALoginWithAWrongTokenAndSetNoCookie() {
        Response response = login("not-the-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getDetailedCookies().hasCookieWithName(DashboardSession.COOKIE)).isFalse();
        assertThat(response.body().asString()).contains("That is not the system token.");
    }

    @Test
    void shouldOpenTheDashboardAndReadTheApiWithTheCookieOfAGoodLogin() {
        Response response = login(Api.TOKEN);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/dashboard/");
        var cookie = response.getDetailedCookie(DashboardSession.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.getValue()).isNotBlank().doesNotContain(Api.TOKEN);
        given().cookie(DashboardSession.COOKIE, cookie.getValue()).get("/dashboard/").then().statusCode(200)
                .body(containsString("dashboard.js"));
        given().cookie(DashboardSession.COOKIE, cookie.getValue()).get("/api/tenants").then().statusCode(200);
    }

    @Test
    void shouldNotAcceptTheSessionCookieForChanges() {
        String session = login(Api.TOKEN).getCookie(DashboardSession.COOKIE);

        given().cookie(DashboardSession.COOKIE, session).contentType("application/json")
                .body(Map.of("slug", Api.randomSlug("cookie"), "name", "Cookie Co")).post("/api/tenants")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseAForgedSessionCookie() {
        given().cookie(DashboardSession.COOKIE, "forged").get("/api/tenants").then().statusCode(401);
    }

    private static Response login(String token) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", token).post("/dashboard/login");
    }
}
