package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.tenantctl.support.Cli;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exit codes a deploy job gates on. */
class ExitCodesTest {

    @ParameterizedTest
    @CsvSource({
        "COMPLETED,0",
        "FAILED,2",
        "HALTED,3",
        "ROLLED_BACK,4",
        "REFUSED,5",
        "RUNNING,6",
        "PAUSED,6",
        "HALTING,6",
        "ROLLING_BACK,6"
    })
    void releaseStatuses(ReleaseStatus status, int exitCode) {
        assertThat(ExitCodes.of(status)).isEqualTo(exitCode);
        if (status.terminal()) {
            assertThat(ExitCodes.of(status)).isEqualTo(status.exitCode());
        }
    }

    @Test
    void anUnknownStatusIsUnexpected() {
        assertThat(ExitCodes.of(null)).isEqualTo(ExitCodes.UNEXPECTED);
    }

    @Test
    void everyCodeIsDistinctAndOnlyCompletedIsZero() {
        assertThat(new int[] {
                    ExitCodes.OK,
                    ExitCodes.UNEXPECTED,
                    ExitCodes.FAILED,
                    ExitCodes.HALTED,
                    ExitCodes.ROLLED_BACK,
                    ExitCodes.NOT_STARTED,
                    ExitCodes.STILL_RUNNING,
                    ExitCodes.USAGE
                })
                .doesNotHaveDuplicates();
        for (ReleaseStatus status : ReleaseStatus.values()) {
            assertThat(ExitCodes.of(status) == 0).isEqualTo(status == ReleaseStatus.COMPLETED);
        }
    }

    @Test
    void usageErrorsExit64NotPicocliDefault2WhichMeansFailed() {
        assertThat(Cli.run(Map.of(), "release", "migrate", "--target", "v1", "--no-such-option")
                        .exitCode())
                .isEqualTo(64);
        assertThat(Cli.run(Map.of(), "release", "migrate").exitCode()).isEqualTo(64);
        assertThat(Cli.run(Map.of(), "release", "status", "not-a-uuid").exitCode())
                .isEqualTo(64);
        assertThat(Cli.run(Map.of(), "nonsense").exitCode()).isEqualTo(64);
        assertThat(Cli.run(Map.of()).exitCode()).isEqualTo(64);
        assertThat(Cli.run(Map.of(), "release").exitCode()).isEqualTo(64);
    }

    @Test
    void aMissingTokenIsAUsageErrorBeforeAnyCall() {
        Cli.Result result = Cli.run(Map.of("TENANTFLEET_URL", "http://127.0.0.1:1"), "fleet", "status");

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err())
                .isEqualTo("error: SYSTEM_API_TOKEN is not set: tenant-service's REST API needs " + "its bearer token"
                        + System.lineSeparator());
    }

    @Test
    void helpAndVersionExitZeroAndDocumentTheExitCodes() {
        Cli.Result help = Cli.run(Map.of(), "--help");
        Cli.Result version = Cli.run(Map.of(), "--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains(
                        "Exit codes:",
                        "  3   release HALTED",
                        "  64  usage error",
                        "TENANTFLEET_URL",
                        "RABBITMQ_VIRTUAL_HOST");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("tenantctl ");
    }
}
