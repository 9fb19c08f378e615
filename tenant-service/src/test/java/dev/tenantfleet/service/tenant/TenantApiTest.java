package dev.tenantfleet.service.tenant;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Api.randomSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.PostgresAdmin;
import dev.tenantfleet.service.support.RegisteredTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(ControlDatabase.class)
class TenantApiTest {
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void dropCreatedTenantDatabases() {
        created.forEach(slug -> {
            Api.awaitProvisioningSettled(slug);
            PostgresAdmin.dropTenant(Api.databaseOf(slug), Api.roleOf(slug));
        });
    }

    @Test
    void shouldRejectCallsWithoutTokenOrWithWrongToken() {
        given().get("/api/tenants")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer wrong")
                .get("/api/tenants")
                .then()
                .statusCode(401)
                .body("detail", equalTo("invalid bearer token"));
        given().get("/api/openapi").then().statusCode(401);
    }

    @Test
    void shouldServeHealthWithoutToken() {
        given().get("/api/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/health/ready").then().statusCode(200);
    }

    @Test
    void shouldPublishOpenApiToAuthenticatedCallers() {
        authenticated().get("/api/openapi").then().statusCode(200).body(containsString("/api/tenants/{slug}/status"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "Acme",
                "1acme",
                "acme_corp",
                "acme corp",
                "-acme",
                "acme.corp",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop"
            })
    void shouldRejectInvalidSlugQuotingTheRule(String slug) {
        authenticated()
                .body(Map.of("slug", slug, "name", "Bad"))
                .post("/api/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_SLUG"))
                .body("detail", containsString("^[a-z][a-z0-9-]{1,40}$"));
    }

    @Test
    void shouldAcceptTenantWith202AndLocation() {
        String slug = track(randomSlug("api"));
        authenticated()
                .body(Map.of("slug", slug, "name", "Api Corp"))
                .post("/api/tenants")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/tenants/" + slug))
                .body("status", equalTo("PROVISIONING"))
                .body("database", equalTo(Api.databaseOf(slug)))
                .body("$", Matchers.not(Matchers.hasKey("password")));
        authenticated()
                .get("/api/tenants/" + slug + "/audit")
                .then()
                .statusCode(200)
                .body("[0].action", equalTo("REGISTERED"))
                .body("[0].actor", equalTo("test@tenantfleet.dev"));
    }

    @Test
    void shouldRejectDuplicateSlugWith409() {
        String slug = track(randomSlug("dup"));
        authenticated()
                .body(Map.of("slug", slug, "name", "First"))
                .post("/api/tenants")
                .then()
                .statusCode(202);
        authenticated()
                .body(Map.of("slug", slug, "name", "Second"))
                .post("/api/tenants")
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE_SLUG"));
    }

    @Test
    void shouldAnswer404ForUnknownTenantEverywhere() {
        String slug = randomSlug("ghost");
        authenticated().get("/api/tenants/" + slug).then().statusCode(404).body("code", equalTo("TENANT_NOT_FOUND"));
        authenticated().get("/api/tenants/" + slug + "/audit").then().statusCode(404);
        authenticated()
                .body(Map.of("to", "READ_ONLY", "reason", "x"))
                .post("/api/tenants/" + slug + "/status")
                .then()
                .statusCode(404);
        authenticated()
                .body(Map.of("reason", "x"))
                .post("/api/tenants/" + slug + "/deactivate")
                .then()
                .statusCode(404);
        authenticated().post("/api/tenants/" + slug + "/provision").then().statusCode(404);
    }

    @Test
    void shouldRejectUnknownServerAndMissingNameAndMalformedJson() {
        authenticated()
                .body(Map.of("slug", randomSlug("nosrv"), "name", "X", "server", "nowhere"))
                .post("/api/tenants")
                .then()
                .statusCode(404)
                .body("code", equalTo("SERVER_NOT_FOUND"));
        authenticated()
                .body(Map.of("slug", randomSlug("noname")))
                .post("/api/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("name"));
        authenticated()
                .body("{\"slug\": ")
                .post("/api/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        authenticated()
                .body(Map.of("to", "HAPPY", "reason", "x"))
                .post("/api/tenants/acme/status")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldListTenantsFilteredByStatusWithPaging() {
        String first = track(randomSlug("list"));
        String second = track(randomSlug("list"));
        authenticated()
                .body(Map.of("slug", first, "name", "One"))
                .post("/api/tenants")
                .then()
                .statusCode(202);
        authenticated()
                .body(Map.of("slug", second, "name", "Two"))
                .post("/api/tenants")
                .then()
                .statusCode(202);

        authenticated()
                .queryParam("size", 1)
                .get("/api/tenants")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2));
        authenticated()
                .queryParam("status", "DEACTIVATED")
                .queryParam("size", 500)
                .get("/api/tenants")
                .then()
                .statusCode(200)
                .body("items.status", everyItem(equalTo("DEACTIVATED")));
        authenticated().queryParam("size", 500).get("/api/tenants").then().body("items.slug", hasItem(first));
        authenticated().queryParam("size", 501).get("/api/tenants").then().statusCode(400);
    }

    @Test
    void shouldListTenantsFilteredByHeadAndServerAndStatusTogether() {
        String head = "vtest-" + UUID.randomUUID().toString().substring(0, 8);
        try (RegisteredTenants tenants = new RegisteredTenants()) {
            String active = tenants.register("head", "ACTIVE", head, null);
            String readOnly = tenants.register("head", "READ_ONLY", head, null);
            String atAnotherHead = tenants.register("head", "ACTIVE", "v1.4", "v1.4");
            String[] atHead = Stream.of(active, readOnly).sorted().toArray(String[]::new);

            authenticated()
                    .queryParam("head", head)
                    .get("/api/tenants")
                    .then()
                    .statusCode(200)
                    .body("items.slug", contains(atHead))
                    .body("total", equalTo(2))
                    .body("items.schemaHead", everyItem(equalTo(head)));
            authenticated()
                    .queryParam("head", head)
                    .queryParam("status", "READ_ONLY")
                    .get("/api/tenants")
                    .then()
                    .statusCode(200)
                    .body("items.slug", contains(readOnly))
                    .body("total", equalTo(1));
            authenticated()
                    .queryParam("head", head)
                    .queryParam("server", "local")
                    .get("/api/tenants")
                    .then()
                    .statusCode(200)
                    .body("items.slug", contains(atHead))
                    .body("items.server", everyItem(equalTo("local")));
            authenticated()
                    .queryParam("head", head)
                    .queryParam("server", "nowhere-" + head)
                    .get("/api/tenants")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0))
                    .body("total", equalTo(0));
            authenticated()
                    .queryParam("head", head)
                    .queryParam("size", 1)
                    .queryParam("page", 1)
                    .get("/api/tenants")
                    .then()
                    .statusCode(200)
                    .body("items.slug", contains(atHead[1]))
                    .body("total", equalTo(2));
            authenticated()
                    .queryParam("head", "")
                    .queryParam("server", "local")
                    .queryParam("size", 500)
                    .get("/api/tenants")
                    .then()
                    .statusCode(200)
                    .body("items.slug", hasItems(active, atAnotherHead));
        }
    }

    private String track(String slug) {
        created.add(slug);
        return slug;
    }
}
