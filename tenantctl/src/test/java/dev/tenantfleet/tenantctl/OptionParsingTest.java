package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.model.release.FailureBudget;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStrategy;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.cli.Converters;
import dev.tenantfleet.tenantctl.cli.ReleaseMigrateCommand;
import dev.tenantfleet.tenantctl.support.Cli;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** {@code release migrate} options into a {@link ReleaseSpec}: defaults, durations, budgets, cohorts, usage errors. */
class OptionParsingTest {

    private static ReleaseSpec spec(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "release";
        args[1] = "migrate";
        System.arraycopy(options, 0, args, 2, options.length);
        CommandLine commandLine = Tenantctl.commandLine(Cli.quietContext(Map.of()));
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        ReleaseMigrateCommand command =
                parsed.subcommand().subcommand().commandSpec().commandLine().getCommand();
        return command.toSpec();
    }

    @Test
    void onlyTheTargetIsRequiredAndEverythingElseTakesTheDocumentedDefaults() {
        ReleaseSpec spec = spec("--target", "v1.4");

        assertThat(spec.targetTag()).isEqualTo("v1.4");
        assertThat(spec.changelogDigest()).isNull();
        assertThat(spec.strategy()).isEqualTo(ReleaseStrategy.FANOUT);
        assertThat(spec.concurrency()).isEqualTo(3);
        assertThat(spec.serverConcurrency()).isNull();
        assertThat(spec.tenantTimeoutSeconds()).isEqualTo(120);
        assertThat(spec.statuses()).containsExactlyInAnyOrder(TenantStatus.ACTIVE, TenantStatus.READ_ONLY);
        assertThat(spec.only()).isEmpty();
        assertThat(spec.failurePolicy()).isEqualTo(FailurePolicy.HALT);
        assertThat(spec.failureBudget()).isEqualTo(FailureBudget.NONE);
        assertThat(spec.readOnlyGate()).isFalse();
        assertThat(spec.allowNonTransactional()).isFalse();
    }

    @Test
    void everyOptionLandsInTheSpec() {
        ReleaseSpec spec = spec(
                "--target",
                "v1.4",
                "--digest",
                "sha256:abc",
                "--concurrency",
                "8",
                "--server-concurrency",
                "2",
                "--timeout",
                "2m",
                "--status",
                "active,read-only,SUSPENDED",
                "--only",
                "acme,globex",
                "--on-failure",
                "continue",
                "--failure-budget",
                "10%",
                "--read-only-gate",
                "--allow-non-transactional");

        assertThat(spec.changelogDigest()).isEqualTo("sha256:abc");
        assertThat(spec.concurrency()).isEqualTo(8);
        assertThat(spec.serverConcurrency()).isEqualTo(2);
        assertThat(spec.tenantTimeoutSeconds()).isEqualTo(120);
        assertThat(spec.statuses())
                .isEqualTo(Set.of(TenantStatus.ACTIVE, TenantStatus.READ_ONLY, TenantStatus.SUSPENDED));
        assertThat(spec.only()).containsExactly("acme", "globex");
        assertThat(spec.failurePolicy()).isEqualTo(FailurePolicy.CONTINUE);
        assertThat(spec.failureBudget()).isEqualTo(new FailureBudget(null, 10));
        assertThat(spec.readOnlyGate()).isTrue();
        assertThat(spec.allowNonTransactional()).isTrue();
    }

    @Test
    void aBareNumberBudgetIsACount() {
        assertThat(spec("--target", "v1", "--failure-budget", "2").failureBudget())
                .isEqualTo(new FailureBudget(2, null));
        assertThat(spec("--target", "v1", "--failure-budget", " 0% ").failureBudget())
                .isEqualTo(new FailureBudget(null, 0));
    }

    @Test
    void repeatedCohortListsImplyTheCohortStrategy() {
        ReleaseSpec spec =
                spec("--target", "v1.4", "--cohort", "acme", "--cohort", "globex, initech", "--pause", "30s");

        assertThat(spec.strategy()).isEqualTo(ReleaseStrategy.COHORTS);
        assertThat(spec.cohorts().lists()).containsExactly(List.of("acme"), List.of("globex", "initech"));
        assertThat(spec.cohorts().pauseSeconds()).isEqualTo(30);
    }

    @Test
    void canaryAndGrowthWaves() {
        ReleaseSpec spec =
                spec("--target", "v1.4", "--strategy", "COHORTS", "--canary", "5", "--growth", "3", "--pause", "1m");

        assertThat(spec.strategy()).isEqualTo(ReleaseStrategy.COHORTS);
        assertThat(spec.cohorts().canarySize()).isEqualTo(5);
        assertThat(spec.cohorts().growthFactor()).isEqualTo(3);
        assertThat(spec.cohorts().lists()).isEmpty();
        assertThat(spec.cohorts().pauseSeconds()).isEqualTo(60);
    }

    @Test
    void cohortsWithoutOptionsTakeTheCohortDefaults() {
        ReleaseSpec spec = spec("--target", "v1.4", "--strategy", "cohorts");

        assertThat(spec.cohorts().canarySize()).isEqualTo(1);
        assertThat(spec.cohorts().growthFactor()).isEqualTo(2);
        assertThat(spec.cohorts().pauseSeconds()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"120s,120", "2m,120", "90,90", "1h30m,5400", "1m30s,90", "PT2M,120", "2000ms,2", "1H,3600"})
    void durations(String text, long seconds) {
        assertThat(Converters.parseDuration(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two minutes", "2x", "m2", "1.5s", "-3s", "2m 30s"})
    void notDurations(String text) {
        assertThatThrownBy(() -> Converters.parseDuration(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration");
    }

    @Test
    void subSecondTimeoutsAndStrategyConflictsAreUsageErrors() {
        assertThatThrownBy(() -> spec("--target", "v1", "--timeout", "1500ms"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--timeout must be whole seconds, not 1500 ms");
        assertThatThrownBy(() -> spec("--target", "v1", "--timeout", "0s"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--timeout must be at least 1s");
        assertThatThrownBy(() -> spec("--target", "v1", "--strategy", "fanout", "--canary", "2"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("need --strategy cohorts");
        assertThatThrownBy(() -> spec("--target", "v1", "--cohort", "a,b", "--cohort", "b"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("tenant 'b' is in more than one --cohort");
        assertThatThrownBy(() -> spec("--target", "v1", "--concurrency", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("must be >= 1");
        assertThatThrownBy(() -> spec("--target", "v1", "--canary", "0"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("canarySize");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--failure-budget|abc|is not a failure budget",
                "--failure-budget|150%|a percent 0-100",
                "--failure-budget|-1|count must be >= 0",
                "--timeout|soon|is not a duration",
                "--on-failure|explode|expected one of [HALT, CONTINUE, ROLLBACK]",
                "--strategy|waves|expected one of [FANOUT, COHORTS]",
                "--status|LIMBO|is not a tenant status",
                "--concurrency|three|is not an int"
            })
    void invalidValuesExit64WithTheReason(String option, String value, String message) {
        Cli.Result result = Cli.run(Map.of(), "release", "migrate", "--target", "v1.4", option, value);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .startsWith("error: ")
                .contains(message)
                .contains("Try 'tenantctl release migrate --help' for more information.");
    }

    @Test
    void jsonAndWaitTimeoutNeedWait() {
        Cli.Result result = Cli.run(Map.of(), "release", "migrate", "--target", "v1.4", "--json", "x.json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("error: --json and --wait-timeout need --wait");
    }

    @Test
    void tenantStatusAcceptsLowerCaseAndDashes() {
        Cli.Result result = Cli.run(Map.of(), "tenant", "status", "acme", "--to", "deactivated", "--reason", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--to must be one of active, read_only, suspended (not DEACTIVATED)");
    }

    @Test
    void environmentConfiguresEverythingAndFlagsOverride() {
        Map<String, String> env = Map.of(
                "TENANTFLEET_URL",
                "https://fleet.example.com/",
                "SYSTEM_API_TOKEN",
                "t0k",
                "RABBITMQ_HOST",
                "rabbit",
                "RABBITMQ_PORT",
                "5671",
                "RABBITMQ_USERNAME",
                "deploy",
                "RABBITMQ_PASSWORD",
                "secret",
                "RABBITMQ_VIRTUAL_HOST",
                "fleet",
                "HOSTNAME",
                "deploy-job-x7k2p");

        Settings fromEnv = Settings.resolve(Cli.quietContext(env), null, null, null, null, null);
        Settings overridden =
                Settings.resolve(Cli.quietContext(env), "http://other:9000", "ops@example.com", "rabbit2", 5673, "/");

        assertThat(fromEnv.apiUrl()).hasToString("https://fleet.example.com");
        assertThat(fromEnv.apiToken()).isEqualTo("t0k");
        assertThat(fromEnv.actor()).isEqualTo("tenantctl@deploy-job-x7k2p");
        assertThat(fromEnv.brokerDescription()).isEqualTo("amqp://deploy@rabbit:5671/fleet");
        assertThat(fromEnv.rabbitPassword()).isEqualTo("secret");
        assertThat(fromEnv.toString()).doesNotContain("secret", "t0k");
        assertThat(overridden.apiUrl()).hasToString("http://other:9000");
        assertThat(overridden.actor()).isEqualTo("ops@example.com");
        assertThat(overridden.brokerDescription()).isEqualTo("amqp://deploy@rabbit2:5673/");
    }

    @Test
    void defaultsWithAnEmptyEnvironment() {
        Settings settings = Settings.resolve(Cli.quietContext(Map.of()), null, null, null, null, null);

        assertThat(settings.apiUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(settings.apiToken()).isNull();
        assertThat(settings.actor()).startsWith("tenantctl@");
        assertThat(settings.brokerDescription()).isEqualTo("amqp://guest@127.0.0.1:5672/");
        assertThat(settings.rabbitPassword()).isEqualTo("guest");
    }
}
