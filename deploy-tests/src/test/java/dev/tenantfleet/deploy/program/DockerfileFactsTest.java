package dev.tenantfleet.deploy.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import org.junit.jupiter.api.Test;

/** What a Dockerfile installs itself, so a health check never depends on what the base image happens to carry. */
class DockerfileFactsTest {

    @Test
    void installedPackagesAreTheWordsAfterAnInstallCommandWithoutOptionsOrPins() {
        assertThat(DockerfileFacts.installedBy("apt-get update && apt-get install -y --no-install-recommends curl "
                        + "ca-certificates=2024* && rm -rf /var/lib/apt/lists/*"))
                .containsExactly("curl", "ca-certificates");
        assertThat(DockerfileFacts.installedBy("apk add --no-cache wget; microdnf -y install jq"))
                .containsExactly("wget", "jq");
        assertThat(DockerfileFacts.installedBy("groupadd --system tenantfleet && apt-get update"))
                .isEmpty();
    }

    @Test
    void theServiceImagesInstallCurlForTheirHealthChecks() {
        Programs programs = Programs.of(Repo.root());
        programs.all().values().stream()
                .filter(program -> program.http().isPresent())
                .forEach(program -> assertThat(program.dockerfile().installed())
                        .as(program.name())
                        .contains("curl"));
    }
}
