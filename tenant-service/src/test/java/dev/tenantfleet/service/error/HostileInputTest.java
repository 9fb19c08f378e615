package dev.tenantfleet.service.error;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that used to reach PostgreSQL or overflow a column and end in a 500 (issue 13, defect 5): each is a 400 problem
 * naming the field. Nothing here is valid enough to create anything; what a mistake would create is deleted.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class HostileInputTest {
    private static final String NUL = "\u0000";
    private final RegisteredTenants tenants = new RegisteredTenants();
    private final String actor = "hostile-" + UUID.randomUUID();

    @AfterEach
    void deleteWhatTheTestMade() {
        tenants.close();
        RegisteredTenants.update(
                "DELETE FROM release_log WHERE release_id IN (SELECT id FROM release WHERE requested_by = ?)", actor);
        RegisteredTenants.update("DELETE FROM release WHERE requested_by = ?", actor);
        RegisteredTenants.update("DELETE FROM database_server WHERE name LIKE 'hostile-%'");
    }

    @Test
    void shouldAnswer400NamingTheNameWhenItHoldsANulByte() {
        Response response = as().body(Map.of("slug", Api.randomSlug("nul"), "name", "Acme" + NUL))
                .post("/api/tenants");

        assertInvalid(response, "name");
    }

    @Test
    void shouldAnswer400NamingTheReasonWhenItHoldsANulByte() {
        String slug = tenants.register("nul", "ACTIVE");

        assertInvalid(
                as().body(Map.of("to", "READ_ONLY", "reason", "maintenance" + NUL))
                        .post("/api/tenants/" + slug + "/status"),
                "reason");
        assertInvalid(as().body(Map.of("reason", "gone" + NUL)).post("/api/tenants/" + slug + "/deactivate"), "reason");
    }

    @Test
    void shouldAnswer400NamingTheHostWhenItHoldsANulByte() {
        assertInvalid(
                as().body(server("hostile-" + shortId(), "db" + NUL + ".example.com"))
                        .post("/api/servers"),
                "host");
    }

    @Test
    void shouldAnswer400NamingTheServerOrDatabaseOfAnAdoptionWhenTheyHoldANulByte() {
        Map<String, Object> adoption = Map.of(
                "slug",
                Api.randomSlug("nul"),
                "name",
                "Nul",
                "server",
                "local" + NUL,
                "database",
                "crm" + NUL,
                "username",
                "nobody");

        Response response = as().queryParam("dryRun", true).body(adoption).post("/api/tenants/adopt");

        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_REQUEST");
        assertThat((String) response.path("detail")).containsAnyOf("server", "database");
    }

    @Test
    void shouldAnswer400NamingTheCsvCellThatHoldsANulByte() {
        String csv = "slug,name,server,database,username\n" + Api.randomSlug("nul") + ",Nul,loc" + NUL
                + "al,crm_nul,nobody\n";

        Response response = as().contentType("text/csv")
                .queryParam("dryRun", true)
                .body(csv)
                .post("/api/tenants/import");

        assertInvalid(response, "server");
    }

    @Test
    void shouldAnswer400NamingTheTargetTagWhenItHoldsANulByte() {
        Response response =
                as().body(Map.of("spec", Map.of("targetTag", "v1.4" + NUL))).post("/api/releases");

        assertInvalid(response, "targetTag");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/tenants/acme%00",
                "/api/tenants/acme%00/audit",
                "/api/servers/local%00",
                "/api/releases/plan?only=acme%00",
                "/api/tenants?status=ACTIVE%00"
            })
    void shouldAnswer400ForANulByteInAPathOrQueryParameter(String uri) {
        Response response = as().urlEncodingEnabled(false).get(uri);

        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_PARAMETER");
        assertThat((String) response.path("detail")).containsAnyOf("slug", "name", "only", "status");
    }

    @Test
    void shouldAnswer400NamingTheTargetTagWhenItIsLongerThanAColumnHolds() {
        Response response = as().body(Map.of("spec", Map.of("targetTag", "v".repeat(100_000))))
                .post("/api/releases");

        assertInvalid(response, "targetTag");
    }

    @Test
    void shouldAnswer400NamingTheHostWhenItIsLongerThanAColumnHolds() {
        String name = "hostile-" + shortId();

        assertInvalid(as().body(server(name, "h".repeat(10_000))).post("/api/servers"), "host");
        assertInvalid(as().body(server(name, "h".repeat(10_000))).put("/api/servers/local"), "host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", " "})
    void shouldAnswer400ForAnEmptyOrNullServerBody(String body) {
        assertProblem(as().body(body).post("/api/servers"), 400);
        assertProblem(as().body(body).put("/api/servers/local"), 400);
    }

    @Test
    void shouldAnswer400NamingThePageWhenItsOffsetOverflows() {
        assertInvalidParameter(as().queryParam("page", Integer.MAX_VALUE).get("/api/tenants"), "page");
        assertInvalidParameter(
                as().queryParam("page", Integer.MAX_VALUE / 50 + 1)
                        .queryParam("size", 50)
                        .get("/api/tenants"),
                "page");
    }

    private static void assertInvalidParameter(Response response, String parameter) {
        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_PARAMETER");
        assertThat((String) response.path("detail"))
                .as("detail names the parameter")
                .contains(parameter);
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_REQUEST");
        assertThat((String) response.path("detail"))
                .as("detail names the field")
                .contains(field);
    }

    private RequestSpecification as() {
        return authenticated().header("X-Tenantfleet-Actor", actor);
    }

    private static Map<String, Object> server(String name, String host) {
        return Map.of("name", name, "host", host, "port", 5432, "adminCredentialsRef", "local");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
