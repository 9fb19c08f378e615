package dev.tenantfleet.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import org.junit.jupiter.api.Test;

/** The repository's docker-compose.yml and .env.example match the services' real configuration. */
class ComposeFileTest {
    private final ComposeProject project = ComposeProject.of(Repo.root());

    @Test
    void composeFileAndEnvExampleMatchTheServicesConfiguration() {
        assertThat(ComposeValidator.validate(project).all())
                .as("drift in docker-compose.yml / .env.example")
                .isEmpty();
    }

    @Test
    void runsTheThreeServicesBesideTwoPostgresServersRabbitmqAndRedis() {
        assertThat(project.services())
                .extracting(ComposeService::name)
                .contains(
                        "tenant-service",
                        "migration-worker",
                        "identity-consumer",
                        "postgres",
                        "postgres-tenants-2",
                        "rabbitmq",
                        "redis");
        assertThat(project.services().stream()
                        .filter(s -> s.name().equals("rabbitmq"))
                        .findFirst()
                        .orElseThrow()
                        .image())
                .hasValueSatisfying(image -> assertThat(image).contains("management"));
    }

    /** docs/operations.md, "Hardening the database servers": both servers revoke PUBLIC's CONNECT on their first start. */
    @Test
    void bothPostgresServersRunTheHardeningScriptOnTheirFirstStart() {
        for (String name : java.util.List.of("postgres", "postgres-tenants-2")) {
            ComposeService server = project.services().stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            java.util.List<String> volumes = new java.util.ArrayList<>();
            server.node().path("volumes").forEach(volume -> volumes.add(volume.asText()));
            assertThat(volumes).as(name + " volumes").contains("./ops/postgres/initdb:/docker-entrypoint-initdb.d:ro");
        }
        assertThat(Repo.root().resolve("ops/postgres/initdb/10-revoke-public-connect.sql"))
                .isRegularFile();
    }

    @Test
    void secondTenantServerHasItsAdminLoginUnderACredentialsReference() {
        ComposeService service = project.services().stream()
                .filter(s -> s.name().equals("tenant-service"))
                .findFirst()
                .orElseThrow();
        assertThat(service.environment())
                .containsKeys(
                        "TENANTFLEET_SERVER_CREDENTIALS_PG2_USERNAME", "TENANTFLEET_SERVER_CREDENTIALS_PG2_PASSWORD");
    }
}
