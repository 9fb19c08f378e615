package dev.tenantfleet.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged tenantctl run as a deploy job runs it, against {@link RunningFleet}. */
final class Tenantctl {
    private Tenantctl() {}

    /** What one run printed (standard output and error together) and its exit code. */
    record Run(int exitCode, String output) {}

    static Run run(String... args) throws IOException, InterruptedException {
        RunningFleet fleet = RunningFleet.get();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                RunningFleet.root().resolve("tenantctl/target/tenantctl.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TENANTFLEET_URL", fleet.tenantServiceUri());
        builder.environment().put("SYSTEM_API_TOKEN", fleet.token);
        builder.environment().put("RABBITMQ_VIRTUAL_HOST", fleet.vhost);
        builder.environment().put("TENANTFLEET_ACTOR", "deploy-job");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
