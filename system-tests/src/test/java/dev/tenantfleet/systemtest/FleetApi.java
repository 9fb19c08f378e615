package dev.tenantfleet.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The tenant-service REST API of the running fleet, as an authenticated operator. */
final class FleetApi {
    private FleetApi() {}

    static RequestSpecification api() {
        return api(RunningFleet.get().tenantServiceUri());
    }

    /** The same API on the tenant-service (replica) at {@code baseUri}. */
    static RequestSpecification api(String baseUri) {
        RunningFleet fleet = RunningFleet.get();
        return given().baseUri(baseUri)
                .header("Authorization", "Bearer " + fleet.token)
                .header("X-Tenantfleet-Actor", "system-test")
                .contentType(ContentType.JSON);
    }

    static String randomSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String databaseOf(String slug) {
        return RunningFleet.NAME_PREFIX + slug.replace('-', '_');
    }

    /** Registers a tenant; its provisioning goes on in the background. */
    static void createTenant(String slug, String server) {
        createTenant(api(), slug, server);
    }

    /** Registers a tenant through {@code api} (one replica); its provisioning goes on in the background. */
    static void createTenant(RequestSpecification api, String slug, String server) {
        Map<String, String> body = server == null
                ? Map.of("slug", slug, "name", "Tenant " + slug)
                : Map.of("slug", slug, "name", "Tenant " + slug, "server", server);
        api.body(body).post("/api/tenants").then().statusCode(202);
    }

    static void awaitStatus(String slug, String status) {
        await("tenant " + slug + " " + status)
                .atMost(Duration.ofSeconds(60))
                .until(() -> status.equals(api().get("/api/tenants/" + slug)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status")));
    }
}
