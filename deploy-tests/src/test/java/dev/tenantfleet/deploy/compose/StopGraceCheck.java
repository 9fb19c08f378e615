package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Program;
import java.time.Duration;
import java.util.Locale;

/**
 * Compose kills a container 10 s after SIGTERM unless stop_grace_period says otherwise; a service that gives its
 * running work longer to finish on shutdown (the worker's 60 s for migrations in flight) needs a longer grace period.
 */
final class StopGraceCheck implements ComposeCheck {

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            project.program(service).flatMap(Program::http).ifPresent(http -> {
                long needed = http.longestShutdownMillis();
                long grace = duration(service.node().path("stop_grace_period").asText("10s"))
                        .toMillis();
                if (needed > 0 && grace <= needed) {
                    problems.add(
                            service.where() + ".stop_grace_period",
                            "must exceed the service's shutdown-timeout of " + needed / 1000
                                    + " s (Compose's default is 10 s)");
                }
            });
        }
    }

    /** Compose durations: 90s, 1m30s, 1h, 500ms. */
    static Duration duration(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.endsWith("MS")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        return Duration.parse("PT" + value);
    }
}
