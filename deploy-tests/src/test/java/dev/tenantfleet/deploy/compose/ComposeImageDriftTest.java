package dev.tenantfleet.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.program.Programs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the containers are made of: pinned third-party images, a broker that keeps its data, health checks that run. */
class ComposeImageDriftTest {
    private static final String ENV = "RABBITMQ_PASSWORD=example-password\n";
    private final Path root = Repo.root();

    @Test
    void aFloatingThirdPartyTagIsReportedAndAMinorVersionOrDigestIsNot() {
        String compose = """
                services:
                  rabbitmq: {image: "rabbitmq:3-management"}
                  redis: {image: redis}
                  postgres: {image: "postgres:16.6"}
                  curl: {image: "curlimages/curl@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
                """;

        assertThat(problems(compose))
                .anySatisfy(p -> assertThat(p)
                        .contains("services.rabbitmq.image: rabbitmq:3-management floats (tag "
                                + "3-management): pin at least the minor version"))
                .anySatisfy(p -> assertThat(p).contains("services.redis.image: redis floats (tag latest)"))
                .noneSatisfy(p -> assertThat(p).contains("services.postgres"))
                .noneSatisfy(p -> assertThat(p).contains("services.curl"));
    }

    @Test
    void aBrokerWithADataVolumeButNoFixedHostnameIsReported() {
        String compose = """
                services:
                  rabbitmq:
                    image: "rabbitmq:3.13-management"
                    volumes: ["rabbitmq-data:/var/lib/rabbitmq"]
                volumes:
                  rabbitmq-data:
                """;

        assertThat(problems(compose))
                .anySatisfy(p -> assertThat(p)
                        .contains("services.rabbitmq: keeps its data in a " + "volume but has no fixed hostname")
                        .contains("after `docker compose down` and `up` the broker starts empty"));
        assertThat(problems(compose.replace("    volumes:", "    hostname: rabbitmq\n    volumes:")))
                .noneSatisfy(p -> assertThat(p).contains("hostname"));
        assertThat(problems(compose.replace("    volumes: [\"rabbitmq-data:/var/lib/rabbitmq\"]\n", "")))
                .as("nothing to lose without a volume")
                .noneSatisfy(p -> assertThat(p).contains("hostname"));
    }

    @Test
    void aHealthCheckToolTheImageDoesNotInstallIsReported() {
        String compose = """
                services:
                  migration-worker:
                    build:
                      context: ./migration-worker
                      dockerfile: src/main/docker/Dockerfile.jvm
                    healthcheck:
                      test: ["CMD-SHELL", "wget -qO- http://127.0.0.1:8081/api/health/ready || exit 1"]
                """;

        assertThat(problems(compose))
                .anySatisfy(p -> assertThat(p)
                        .contains("services.migration-worker.healthcheck: "
                                + "runs wget, which migration-worker/src/main/docker/Dockerfile.jvm does not install"));
        assertThat(problems(compose.replace("[\"CMD-SHELL\", \"wget -qO- ", "[\"CMD\", \"/usr/bin/curl\", \"-fsS\", \"")
                        .replace(" || exit 1\"]", "\"]")))
                .as("the Dockerfile installs curl")
                .noneSatisfy(p -> assertThat(p).contains(".healthcheck: runs"));
    }

    private List<String> problems(String compose) {
        return ComposeValidator.validate(new ComposeProject(root, compose, DotEnv.parse(ENV), Programs.of(root)))
                .all();
    }
}
