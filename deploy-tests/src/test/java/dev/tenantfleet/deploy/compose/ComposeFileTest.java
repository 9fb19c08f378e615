package dev.tenantfleet.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import org.junit.jupiter.api.Test;

/** The repository's docker-compose.yml and .env.example match the services' real configuration. */
class ComposeFileTest {
    private final ComposeProject project = ComposeProject.of(Repo.root());

    @Test
    void composeFileAndEnvExampleMatchTheServicesConfiguration() {
        assertThat(ComposeValidator.validate(project).all()).as("drift in docker-compose.yml / .env.example").isEmpty();
    }

    @Test
    void runsTheThreeServicesBesideTwoPostgresServersRabbitmqAndRedis() {
        assertThat(project.services()).extracting(ComposeService::name).contains("tenant-service", "migration-worker",
                "identity-consumer", "postgres", "postgres-tenants-2", "rabbitmq", "redis");
        assertThat(project.services().stream().filter(s -> s.name().equals("rabbitmq")).findFirst().orElseThrow()
                .image()).hasValueSatisfying(image -> assertThat(image).contains("management"));
    }

    @Test
    void secondTenantServerHasItsAdminLoginUnderACredentialsReference() {
        ComposeService service = project.services().stream().filter(s -> s.name().equals("tenant-service"))
                .findFirst().orElseThrow();
        assertThat(service.environment()).containsKeys("TENANTFLEET_SERVER_CREDENTIALS_PG2_USERNAME",
                "TENANTFLEET_SERVER_CREDENTIALS_PG2_PASSWORD");
    }
}
