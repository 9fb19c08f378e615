package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.Releases.headOf;
import static dev.tenantfleet.systemtest.Releases.provision;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Tenantctl.Run run = tenantctl(
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--only",
                String.join(",", slugs),
                "--wait",
                "--json",
                json.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(slugs.get(0)).contains("COMPLETED");
        assertThat(Files.readString(json))
                .contains("\"status\" : \"COMPLETED\"")
                .contains("\"exitCode\" : 0");
        slugs.forEach(slug -> assertThat(headOf(slug)).isEqualTo("v1.4"));
        assertThat(tenantctl("fleet", "status").exitCode()).isZero();
    }

    @Test
    void shouldShowTheRealFleetsTenantsAndReleasesWithTheReadCommands() throws Exception {
        List<String> slugs = provision("ctl-read", 2);
        Path json = Files.createTempFile("release", ".json");
        assertThat(tenantctl(
                                "release",
                                "migrate",
                                "--target",
                                "v1.4",
                                "--only",
                                String.join(",", slugs),
                                "--wait",
                                "--json",
                                json.toString())
                        .exitCode())
                .isZero();
        Matcher id = Pattern.compile("\"id\" : \"([0-9a-f-]{36})\"").matcher(Files.readString(json));
        assertThat(id.find()).isTrue();
        String releaseId = id.group(1);
        assertThat(tenantctl("tenant", "set-status", slugs.get(0), "--to", "read_only", "--reason", "support export")
                        .exitCode())
                .isZero();

        Tenantctl.Run show = tenantctl("tenant", "show", slugs.get(0));
        Tenantctl.Run status = tenantctl("tenant", "status", slugs.get(1));
        Tenantctl.Run list = tenantctl("tenant", "list", "--head", "v1.4", "--status", "read_only", "--all");
        Tenantctl.Run releases = tenantctl("release", "list", "--limit", "200");
        Tenantctl.Run release = tenantctl("release", "show", releaseId);
        Tenantctl.Run unknown = tenantctl("tenant", "show", "ctl-read-no-such-tenant");

        assertThat(show.exitCode()).as(show.output()).isZero();
        assertThat(show.output())
                .contains(
                        "Tenant " + slugs.get(0),
                        "status:       READ_ONLY",
                        "schema head:  v1.4",
                        "STATUS_CHANGED",
                        "ACTIVE -> READ_ONLY",
                        "support export",
                        "deploy-job",
                        "PROVISIONED",
                        "REGISTERED");
        assertThat(show.output().indexOf("STATUS_CHANGED"))
                .as("newest first")
                .isLessThan(show.output().indexOf("REGISTERED"));
        assertThat(status.output())
                .as(status.output())
                .startsWith("tenant " + slugs.get(1) + " is ACTIVE (schema head v1.4");
        assertThat(list.output()).as(list.output()).contains(slugs.get(0)).doesNotContain(slugs.get(1));
        assertThat(releases.output()).as(releases.output()).containsPattern(releaseId + " +v1\\.4 +COMPLETED ");
        assertThat(release.exitCode()).as(release.output()).isZero();
        assertThat(release.output())
                .contains("Tenants (2):")
                .containsPattern(slugs.get(1) + " +- +MIGRATED +v1\\.2 +v1\\.4");
        assertThat(unknown.exitCode()).isEqualTo(5);
        assertThat(unknown.output()).contains("TENANT_NOT_FOUND");
    }

    @Test
    void shouldExitThreeWhenTheCanaryHaltsTheRelease() throws Exception {
        List<String> slugs = provision("ctl-halt", 2);
        Releases.sabotage(slugs.get(0));
        Tenantctl.Run run = tenantctl(
                "release", "migrate", "--target", "v1.4", "--only", String.join(",", slugs), "--canary", "1", "--wait");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("SCHEMA_DRIFT");
        assertThat(headOf(slugs.get(1))).isEqualTo("v1.2");
    }

    @Test
    void shouldExitFourWhenTheReleaseWasRolledBack() throws Exception {
        List<String> slugs = provision("ctl-undo", 2);
        Releases.sabotage(slugs.get(1));
        Tenantctl.Run run = tenantctl(
                "release",
                "migrate",
                "--target",
                "v1.4",
                "--only",
                String.join(",", slugs),
                "--cohort",
                slugs.get(0),
                "--on-failure",
                "rollback",
                "--wait");
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
