package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.tenantctl.support.FakeApi;
import dev.tenantfleet.tenantctl.support.FakeTenantService;
import dev.tenantfleet.tenantctl.support.TestVhost;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code target/tenantctl.jar} (and {@code bin/tenantctl}) as a deploy job runs it: a separate process,
 * configured only by environment. Runs after {@code package} (failsafe). This is also how system-tests can launch it.
 */
class TenantctlJarIT {
    private static final Path JAR = Path.of(System.getProperty("tenantctl.jar", "target/tenantctl.jar"));

    private record Run(int exitCode, String out, String err) {}

    private static Run run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        File out = Files.createTempFile("tenantctl", ".out").toFile();
        File err = Files.createTempFile("tenantctl", ".err").toFile();
        builder.redirectOutput(out).redirectError(err);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tenantctl did not finish within 60 s; it printed: "
                    + Files.readString(out.toPath(), StandardCharsets.UTF_8)
                    + Files.readString(err.toPath(), StandardCharsets.UTF_8));
        }
        return new Run(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private static Run jar(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(env, command);
    }

    @Test
    void theJarRunsWithoutAnythingButJava() throws Exception {
        assertThat(JAR).exists();

        Run version = jar(Map.of(), "--version");
        Run usage = jar(Map.of(), "release", "migrate");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("tenantctl 0.");
        assertThat(usage.exitCode()).isEqualTo(64);
        assertThat(usage.err()).contains("error: Missing required option: '--target=TAG'");
    }

    @Test
    void theLauncherScriptExecsTheJar() throws Exception {
        Path script = Path.of("bin/tenantctl");
        assertThat(script).exists();

        Run help = run(
                Map.of(
                        "JAVA",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                List.of("sh", script.toString(), "--help"));

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: tenantctl", "Exit codes:");
    }

    @Test
    void aDeployJobConfiguredByEnvironmentOnlyGatesOnTheRelease() throws Exception {
        try (TestVhost vhost = TestVhost.create();
                FakeApi api = new FakeApi();
                FakeTenantService service = new FakeTenantService(vhost.name(), api, true)) {
            service.onMigrate(r -> r.progress(ReleaseStatus.RUNNING, 0)
                    .migrating("acme")
                    .migrated("acme", 10)
                    .migrating("globex")
                    .migrated("globex", 10)
                    .skipped("initech")
                    .complete(ReleaseStatus.COMPLETED, null));
            Map<String, String> env = new HashMap<>(Map.of(
                    "TENANTFLEET_URL",
                    api.url(),
                    "SYSTEM_API_TOKEN",
                    FakeApi.TOKEN,
                    "RABBITMQ_VIRTUAL_HOST",
                    vhost.name(),
                    "TENANTFLEET_ACTOR",
                    "k8s-job/deploy-42"));
            for (String name : List.of("RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD")) {
                if (System.getenv(name) != null) {
                    env.put(name, System.getenv(name));
                }
            }

            Run run = jar(env, "release", "migrate", "--target", "v1.4", "--wait");

            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(run.out())
                    .contains(
                            "acme MIGRATED v1.3 -> v1.4 (10 ms)",
                            "initech SKIPPED at v1.3",
                            ": COMPLETED",
                            "exit code 0");
            assertThat(run.err())
                    .as("no logging noise from the shaded dependencies")
                    .isEmpty();
            assertThat(service.nextCommand().command().requestedBy()).isEqualTo("k8s-job/deploy-42");
            assertThat(service.unroutedEvents()).isZero();
        }
    }
}
