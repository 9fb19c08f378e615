package dev.tenantfleet.deploy.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The derivation itself: if it silently found nothing, every manifest check would pass for the wrong reason. These are
 * facts docs/configuration.md states about the services.
 */
class ProgramsTest {
    private final Programs programs = Programs.of(Repo.root());

    @Test
    void findsTheThreeServicesAndTenantctlByTheirDockerfiles() {
        assertThat(programs.all().keySet())
                .containsExactlyInAnyOrder("tenant-service", "migration-worker", "identity-consumer", "tenantctl");
        assertThat(programs.forImage("registry.example.com/tenantfleet/migration-worker:1.2.3"))
                .map(Program::name)
                .contains("migration-worker");
    }

    @Test
    void tenantServiceReadsItsIndirectionsMappingKeysAndMapValuedCredentials() {
        EnvReads reads = programs.named("tenant-service").orElseThrow().reads();
        assertThat(reads.names())
                .contains(
                        "SYSTEM_API_TOKEN",
                        "TENANTFLEET_API_TOKEN",
                        "TENANTFLEET_KEYS",
                        "CONTROL_DB_URL",
                        "PGHOST",
                        "TENANT_DB_ADMIN_PASSWORD",
                        "TENANTFLEET_PROVISIONING_NAME_PREFIX",
                        "TENANTFLEET_RELEASE_TICK",
                        "QUARKUS_HTTP_PORT",
                        "TENANT_SERVICE_PORT",
                        "JAVA_OPTS");
        assertThat(reads.reads("TENANTFLEET_SERVER_CREDENTIALS_PG2_PASSWORD")).isTrue();
        assertThat(reads.reads("TENANTFLEET_KEY")).isFalse();
        assertThat(reads.reads("TENANTFLEET_TEST_KEY")).as("test profile only").isFalse();
    }

    @Test
    void requiredSettingsAreTheOnesWithoutDefault() {
        Program service = programs.named("tenant-service").orElseThrow();
        assertThat(service.required())
                .extracting(Requirement::setting)
                .contains("tenantfleet.api-token", "tenantfleet.keys");
        assertThat(service.required())
                .filteredOn(r -> r.setting().equals("tenantfleet.api-token"))
                .singleElement()
                .satisfies(r -> assertThat(r.anyOf()).contains("SYSTEM_API_TOKEN", "TENANTFLEET_API_TOKEN"));
        assertThat(programs.named("migration-worker").orElseThrow().required())
                .extracting(Requirement::setting)
                .contains("tenantfleet.keys");
        assertThat(programs.named("identity-consumer")
                        .orElseThrow()
                        .required()
                        .get(0)
                        .metBy(Map.of("IDENTITY_CLEANUP_ENABLED", "false")))
                .as("waived without the cleanup")
                .isTrue();
    }

    @Test
    void httpSideFollowsTheEnvironment() {
        QuarkusHttp worker =
                programs.named("migration-worker").orElseThrow().http().orElseThrow();
        assertThat(worker.port(Map.of())).isEqualTo(8081);
        assertThat(worker.port(Map.of("HTTP_PORT", "9000"))).isEqualTo(9000);
        assertThat(worker.port(Map.of("HTTP_PORT", "9000", "QUARKUS_HTTP_PORT", "9100")))
                .isEqualTo(9100);
        assertThat(worker.healthPath("ready", Map.of())).isEqualTo("/api/health/ready");
        assertThat(worker.metricsPath(Map.of())).isEqualTo("/q/metrics");
        assertThat(worker.incomingQueues()).containsExactly("migration-worker.commands");
        assertThat(worker.longestShutdownMillis()).isEqualTo(60_000);
        assertThat(programs.named("identity-consumer")
                        .orElseThrow()
                        .http()
                        .orElseThrow()
                        .incomingQueues())
                .contains("identity-consumer.all", "identity-consumer.tenant-status");
    }

    @Test
    void tenantctlReadsItsSettingsAndItsLauncherOptions() {
        Program tenantctl = programs.named("tenantctl").orElseThrow();
        assertThat(tenantctl.reads().names())
                .contains(
                        "TENANTFLEET_URL",
                        "SYSTEM_API_TOKEN",
                        "TENANTFLEET_ACTOR",
                        "RABBITMQ_HOST",
                        "RABBITMQ_PORT",
                        "RABBITMQ_USERNAME",
                        "RABBITMQ_PASSWORD",
                        "RABBITMQ_VIRTUAL_HOST",
                        "TENANTCTL_JAVA_OPTS");
        assertThat(tenantctl.http()).isEmpty();
    }
}
