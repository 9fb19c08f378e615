package dev.tenantfleet.service.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** REST Assured requests as an authenticated operator, and random slugs so tests never collide. */
public final class Api {
    public static final String TOKEN = "test-token";

    private Api() {}

    public static RequestSpecification authenticated() {
        return given().header("Authorization", "Bearer " + TOKEN)
                .header("X-Tenantfleet-Actor", "test@tenantfleet.dev")
                .contentType(ContentType.JSON);
    }

    /**
     * Waits until background provisioning of {@code slug} has stopped touching the database server (waiting
     * for its migration, failed or done), so a test can drop what it created without racing it.
     */
    public static void awaitProvisioningSettled(String slug) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = authenticated().get("/api/tenants/" + slug);
            if (response.statusCode() == 404) {
                return true;
            }
            String status = response.path("status");
            String step = response.path("provisioningStep");
            return !"PROVISIONING".equals(status) || "AWAIT_MIGRATION".equals(step);
        });
    }

    /** A valid slug unique to this test run. */
    public static String randomSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Database name tenant-service derives for {@code slug} under the test prefix. */
    public static String databaseOf(String slug) {
        return "tft_" + slug.replace('-', '_');
    }

    /** Role name tenant-service derives for {@code slug} under the test prefix. */
    public static String roleOf(String slug) {
        return databaseOf(slug) + "_owner";
    }
}
