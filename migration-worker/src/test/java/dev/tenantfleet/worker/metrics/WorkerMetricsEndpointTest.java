package dev.tenantfleet.worker.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.model.observability.MetricNames;
import dev.tenantfleet.testsupport.PrometheusScrape;
import dev.tenantfleet.worker.support.TestTenants;
import dev.tenantfleet.worker.support.TestTenants.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker's Prometheus endpoint, scraped over HTTP while it migrates real tenants through the real broker. */
@QuarkusTest
class WorkerMetricsEndpointTest {
    private static final String COUNT = MetricNames.TENANT_MIGRATION + "_count";

    @RegisterExtension
    final TestTenants tenants = new TestTenants();

    @Test
    void everyWorkerSeriesIsScrapedWithoutAnyTenantInItsLabels() throws Exception {
        TestTenant tenant = tenants.create();
        tenants.send(tenant, tenants.migrate(tenant, "v1.0", null, null), TenantMigrated.class);

        String body = scrapeText();

        assertThat(PrometheusScrape.parse(body).names()).containsAll(MetricNames.MIGRATION_WORKER);
        assertThat(body)
                .doesNotContain(tenant.slug())
                .doesNotContain(tenant.id().toString());
    }

    @Test
    void migratingATenantAddsOneSuccessfulRunToTheDurationHistogram() throws Exception {
        TestTenant tenant = tenants.create();
        double before = scrape().valueOrZero(COUNT, "kind", "migrate", "outcome", "success");

        tenants.send(tenant, tenants.migrate(tenant, "v1.1", null, null), TenantMigrated.class);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.valueOrZero(COUNT, "kind", "migrate", "outcome", "success"))
                    .isEqualTo(before + 1);
            assertThat(after.valueOrZero(
                            MetricNames.TENANT_MIGRATION + "_bucket",
                            "kind",
                            "migrate",
                            "outcome",
                            "success",
                            "le",
                            "+Inf"))
                    .isGreaterThanOrEqualTo(before + 1);
            assertThat(after.valueOrZero(
                            MetricNames.TENANT_MIGRATION + "_sum", "kind", "migrate", "outcome", "success"))
                    .isPositive();
        });
    }

    @Test
    void aFailedRunCountsUnderItsErrorClass() throws Exception {
        TestTenant tenant = tenants.create();
        PrometheusScrape before = scrape();

        TenantMigrationFailed failed =
                tenants.send(tenant, tenants.migrate(tenant, "v9.9", null, null), TenantMigrationFailed.class);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.UNKNOWN_TAG);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.valueOrZero(
                            MetricNames.TENANT_MIGRATION_FAILURES, "kind", "migrate", "error_class", "UNKNOWN_TAG"))
                    .isEqualTo(before.valueOrZero(
                                    MetricNames.TENANT_MIGRATION_FAILURES,
                                    "kind",
                                    "migrate",
                                    "error_class",
                                    "UNKNOWN_TAG")
                            + 1);
            assertThat(after.valueOrZero(COUNT, "kind", "migrate", "outcome", "failure"))
                    .isEqualTo(before.valueOrZero(COUNT, "kind", "migrate", "outcome", "failure") + 1);
        });
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(scrapeText());
    }

    private static String scrapeText() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
