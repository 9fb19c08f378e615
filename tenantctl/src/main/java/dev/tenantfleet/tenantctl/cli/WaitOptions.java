package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.tenantctl.follow.ReleaseFollower;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --wait} and what goes with it. */
public final class WaitOptions {
    @Option(names = "--wait", description = "follow the release to its end, print a summary and exit with its code")
    boolean wait;

    @Option(
            names = "--wait-timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "give up waiting after this long, exit 5 (the release goes on); 0 = no limit "
                    + "(default: ${DEFAULT-VALUE})",
            defaultValue = "2h")
    Duration waitTimeout;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "with --wait: write the final release view "
                    + "(GET /api/releases/{id}) plus \"exitCode\" to FILE (- for standard output)")
    Path json;

    /** After this much silence on the event stream, ask the REST API. Hidden: tests shorten it. */
    @Option(
            names = "--event-silence",
            hidden = true,
            converter = Converters.DurationConverter.class,
            defaultValue = "30s")
    Duration eventSilence = ReleaseFollower.DEFAULT_SILENCE;

    /** Usage errors: --json/--wait-timeout without --wait, a silence period under a second (a busy loop). */
    void validate(CommandLine.Model.CommandSpec spec) {
        if (!wait && (json != null || spec.commandLine().getParseResult().hasMatchedOption("--wait-timeout"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json and --wait-timeout need --wait");
        }
        if (eventSilence.toMillis() < 1_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--event-silence must be at least 1s");
        }
    }
}
