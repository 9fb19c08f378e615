package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.Releases.headOf;
import static dev.tenantfleet.systemtest.Releases.provision;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a deploy job sees: the packaged tenantctl against the running fleet, gated on its exit code. */
@ExtendWith(RunningFleet.class)
class TenantctlSystemTest {
    private static Tenantctl.Run tenantctl(String... args) throws Exception {
        return Tenantctl.run(args);
    }


    @Test
    void shouldExitZeroOnlyWhenEveryTargetedTenantConverged() throws Exception {
        List<String> slugs = provision("ctl-ok", 2);
        Path json = Files.createTempFile("release", ".json");
        Tenantctl.Run run = tenantctl("release", "migrate", "--target", "v1.4", "--only", String.join(",", slugs), "--wait",
                "--json", json.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(slugs.get(0)).contains("COMPLETED");
        assertThat(Files.readString(json)).contains("\"status\" : \"COMPLETED\"").contains("\"exitCode\" : 0");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.4"));
        assertThat(tenantctl("fleet", "status").exitCode()).isZero();
    }

    @Test
    void shouldExitThreeWhenTheCanaryHaltsTheRelease() throws Exception {
        List<String> slugs = provision("ctl-halt", 2);
        Releases.sabotage(slugs.get(0));
        Tenantctl.Run run = tenantctl("release", "migrate", "--target", "v1.4", "--only", String.join(",", slugs), "--canary", "1",
                "--wait");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("SCHEMA_DRIFT");
        assertThat(headOf(slugs.get(1))).isEqualTo("v1.2");
    }

    @Test
    void shouldExitFourWhenTheReleaseWasRolledBack() throws Exception {
        List<String> slugs = provision("ctl-undo", 2);
        Releases.sabotage(slugs.get(1));
        Tenantctl.Run run = tenantctl("release", "migrate", "--target", "v1.4", "--only", String.join(",", slugs),
                "--cohort", slugs.get(0), "--on-failure", "rollback", "--wait");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(4);
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.2"));
    }

    @Test
    void shouldExitFiveWhenTheReleaseCannotStart() throws Exception {
        Tenantctl.Run run = tenantctl("release", "migrate", "--target", "v9.9", "--wait");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(5);
        assertThat(run.output()).contains("v9.9");
    }

}
