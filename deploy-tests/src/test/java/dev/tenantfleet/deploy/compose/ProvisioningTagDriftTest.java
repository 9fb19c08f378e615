package dev.tenantfleet.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.program.Programs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compose fleet starts behind the changelog head, on a tag the changelog has, so a release has work to do. */
class ProvisioningTagDriftTest {

    @Test
    void tenantsProvisionedAtTheHeadLeaveTheReleaseNothingToDo() {
        assertThat(problems(""))
                .anySatisfy(p -> assertThat(p)
                        .contains(
                                "services.tenant-service.environment.TENANTFLEET_PROVISIONING_TARGET_TAG: new tenants start at "
                                        + "the changelog head v1.4, so a release to v1.4 has nothing to do")
                        .contains("(v1.0, v1.1, v1.2, v1.3)"));
        assertThat(problems("TENANTFLEET_PROVISIONING_TARGET_TAG: v1.4"))
                .anySatisfy(p -> assertThat(p).contains("new tenants start at the changelog head v1.4"));
    }

    @Test
    void aTagTheChangelogLacksIsReported() {
        assertThat(problems("TENANTFLEET_PROVISIONING_TARGET_TAG: v13"))
                .anySatisfy(
                        p -> assertThat(p)
                                .contains(
                                        "v13 is no tag of the changelog [v1.0, v1.1, v1.2, v1.3, v1.4]: every provisioning would fail"));
    }

    @Test
    void aTagBeforeTheHeadPasses() {
        assertThat(problems("TENANTFLEET_PROVISIONING_TARGET_TAG: v1.3"))
                .noneSatisfy(p -> assertThat(p).contains("TENANTFLEET_PROVISIONING_TARGET_TAG"));
    }

    /** tenant-service built from the repository, with one more environment line. */
    private static List<String> problems(String environment) {
        String compose = """
                services:
                  tenant-service:
                    build:
                      context: ./tenant-service
                      dockerfile: src/main/docker/Dockerfile.jvm
                    environment:
                      SYSTEM_API_TOKEN: ${SYSTEM_API_TOKEN}
                      %s
                """.formatted(environment);
        return ComposeValidator.validate(new ComposeProject(
                        Repo.root(),
                        compose,
                        DotEnv.parse("SYSTEM_API_TOKEN=example-token\n"),
                        Programs.of(Repo.root())))
                .all();
    }
}
