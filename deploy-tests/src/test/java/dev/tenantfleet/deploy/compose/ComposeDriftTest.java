package dev.tenantfleet.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.program.Programs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks catch what they are for: each snippet drifts in one way and the report names it. */
class ComposeDriftTest {
    private static final String ENV = """
            SYSTEM_API_TOKEN=example-token
            TENANTFLEET_KEYS=k1:q0w4cYzR1Rk9a6d8Y0n8V2r3Jm5h7K1p4s6u8w0y2A4=
            RABBITMQ_PASSWORD=example-password
            """;
    private static final String HEALTHY_BROKER = """
              rabbitmq:
                image: rabbitmq:3.13-management
                environment:
                  RABBITMQ_DEFAULT_PASS: ${RABBITMQ_PASSWORD}
                healthcheck:
                  test: ["CMD", "rabbitmq-diagnostics", "-q", "ping"]
            """;
    private final Path root = Repo.root();

    @Test
    void aMisspelledVariableIsReportedWithTheNameTheServiceReads() {
        List<String> problems = problems(worker("TENANTFLEET_KEY: ${TENANTFLEET_KEYS}", "8081"));

        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("services.migration-worker.environment.TENANTFLEET_KEY")
                        .contains("migration-worker does not read TENANTFLEET_KEY (did you mean TENANTFLEET_KEYS?)"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("requires tenantfleet.keys (set TENANTFLEET_KEYS)"));
    }

    @Test
    void aSecretWrittenInTheFileInsteadOfDotEnvIsReported() {
        assertThat(problems(worker("TENANTFLEET_KEYS: k1:abc", "8081")))
                .anySatisfy(p -> assertThat(p).contains("TENANTFLEET_KEYS: a secret must come from .env"));
    }

    @Test
    void aHealthCheckOnTheWrongPortOrPathIsReported() {
        String compose =
                worker("TENANTFLEET_KEYS: ${TENANTFLEET_KEYS}", "8080").replace("/api/health/ready", "/q/health");

        assertThat(problems(compose))
                .anySatisfy(
                        p -> assertThat(p)
                                .contains(
                                        "services.migration-worker.healthcheck: calls :8080/q/health, but readiness is :8081/api/health/ready"));
    }

    @Test
    void aVariableMissingFromEnvExampleAndAnUnusedExampleAreReported() {
        String compose = worker(
                "TENANTFLEET_KEYS: ${TENANTFLEET_KEYS}\n      RABBITMQ_USERNAME: ${BROKER_USER:?set it}", "8081");

        assertThat(problems(compose))
                .anySatisfy(p -> assertThat(p).contains("uses ${BROKER_USER}, which .env.example does not define"))
                .anySatisfy(p ->
                        assertThat(p).contains(".env.example: SYSTEM_API_TOKEN: docker-compose.yml does not use it"));
    }

    @Test
    void anUnknownHostAndAStartThatDoesNotWaitAreReported() {
        String compose = worker("TENANTFLEET_KEYS: ${TENANTFLEET_KEYS}\n      RABBITMQ_HOST: rabbit", "8081")
                .replace("condition: service_healthy", "condition: service_started");

        assertThat(problems(compose))
                .anySatisfy(p -> assertThat(p).contains("RABBITMQ_HOST: host rabbit is not a service of this file"))
                .anySatisfy(p -> assertThat(p).contains("depends_on.rabbitmq: starts without waiting"));
    }

    @Test
    void aWorkerKilledBeforeItsMigrationsFinishIsReported() {
        assertThat(problems(worker("TENANTFLEET_KEYS: ${TENANTFLEET_KEYS}", "8081")))
                .anySatisfy(p -> assertThat(p)
                        .contains("services.migration-worker.stop_grace_period: must exceed the "
                                + "service's shutdown-timeout of 60 s"));
        assertThat(problems(worker("TENANTFLEET_KEYS: ${TENANTFLEET_KEYS}", "8081") + "    stop_grace_period: 1m30s\n"))
                .noneSatisfy(p -> assertThat(p).contains("stop_grace_period"));
    }

    @Test
    void aBrokenExampleKeyRingIsReported() {
        assertThat(KeyRingFormat.problems("k1:c2hvcnQ=,k1:q0w4cYzR1Rk9a6d8Y0n8V2r3Jm5h7K1p4s6u8w0y2A4="))
                .containsExactly(
                        "key k1 is 5 bytes, not 32",
                        "entry 'k1:q0w4cYzR1Rk9a6d8Y0n8V2r3Jm5h7K1p4s6u8w0y2A4=' "
                                + "needs a unique, non-blank id before ':'");
    }

    /** A compose file with the broker and a migration-worker built from the repository. */
    private static String worker(String environment, String healthPort) {
        return "services:\n" + HEALTHY_BROKER + """
                  migration-worker:
                    build:
                      context: ./migration-worker
                      dockerfile: src/main/docker/Dockerfile.jvm
                    environment:
                      RABBITMQ_PASSWORD: ${RABBITMQ_PASSWORD}
                      %s
                    depends_on:
                      rabbitmq:
                        condition: service_healthy
                    healthcheck:
                      test: ["CMD", "curl", "-fsS", "http://127.0.0.1:%s/api/health/ready"]
                """.formatted(environment, healthPort);
    }

    private List<String> problems(String compose) {
        return ComposeValidator.validate(new ComposeProject(root, compose, DotEnv.parse(ENV), Programs.of(root)))
                .all();
    }
}
