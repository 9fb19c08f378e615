package dev.tenantfleet.systemtest;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.testsupport.TestVhosts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second Tenant Fleet, next to {@link RunningFleet}, running a team's own changelog (the billing changelog in this
 * module's test resources) instead of the example one: the packaged tenant-service reads it from its directory, the
 * migration-worker from a jar built here, so both forms of {@code TENANTFLEET_CHANGELOG_LOCATION} meet in one fleet.
 * It has its own control database and its own RabbitMQ virtual host: workers share the {@code migration-worker.commands}
 * queue, so two fleets with different changelogs on one vhost would take each other's commands. Stopped, and its
 * control database, vhost and every database it registered dropped, after the test class.
 */
public final class AdoptionFleet implements BeforeAllCallback, AfterAllCallback {
    public final String token = "systest-adopt-" + UUID.randomUUID();
    public final String keyRing = "adopt-k1:" + CredentialCipher.generateKey();
    public final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final String controlDatabase = "tenantfleet_adopt_" + suffix;
    public final String vhost = TestVhosts.create("tenantfleet-adopt");
    public final Path changelog = RunningFleet.root().resolve("system-tests/target/test-classes/billing-changelog");
    public final Path changelogJar =
            RunningFleet.root().resolve("system-tests/target/billing-changelog-" + suffix + ".jar");
    private final Path logDirectory = RunningFleet.root().resolve("system-tests/target/system-test-logs-adoption");
    private final List<Process> processes = new ArrayList<>();
    private final List<String[]> createdDatabases = new ArrayList<>();
    private int tenantServicePort;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Files.createDirectories(logDirectory);
        Sql.execute("postgres", "CREATE DATABASE \"" + controlDatabase + "\"");
        jar(changelog, changelogJar);
        Map<String, String> env = new HashMap<>();
        env.put("TENANTFLEET_KEYS", keyRing);
        env.put("SYSTEM_API_TOKEN", token);
        env.put("CONTROL_DB_NAME", controlDatabase);
        env.put("RABBITMQ_VIRTUAL_HOST", vhost);
        env.put("TENANTFLEET_PROVISIONING_NAME_PREFIX", "tfa_");
        int[] ports = FreePorts.two();
        int workerPort = ports[0];
        tenantServicePort = ports[1];
        // the same changelog twice: a directory (master discovered) and a jar (master named), one digest
        Map<String, String> worker = new HashMap<>(env);
        worker.put("TENANTFLEET_CHANGELOG_LOCATION", "jar:" + changelogJar + "!/db.changelog-master.yaml");
        Map<String, String> tenantService = new HashMap<>(env);
        tenantService.put("TENANTFLEET_CHANGELOG_LOCATION", changelog.toString());
        awaitHealthy(launch("migration-worker", workerPort, worker), workerPort);
        awaitHealthy(launch("tenant-service", tenantServicePort, tenantService), tenantServicePort);
    }

    /** Base URI of this fleet's tenant-service. */
    public String tenantServiceUri() {
        return "http://127.0.0.1:" + tenantServicePort;
    }

    /** The environment tenantctl needs to talk to this fleet (REST and broker). */
    public Map<String, String> tenantctlEnv() {
        return Map.of(
                "TENANTFLEET_URL",
                tenantServiceUri(),
                "SYSTEM_API_TOKEN",
                token,
                "TENANTFLEET_ACTOR",
                "adoption-job",
                "RABBITMQ_VIRTUAL_HOST",
                vhost);
    }

    /** Remembers a database and role the test made outside Tenant Fleet, to drop them afterwards. */
    public void created(String database, String role) {
        createdDatabases.add(new String[] {database, role});
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor(60, TimeUnit.SECONDS);
        }
        for (String[] db : createdDatabases) {
            Sql.execute("postgres", "DROP DATABASE IF EXISTS \"" + db[0] + "\" WITH (FORCE)");
            Sql.execute("postgres", "DROP ROLE IF EXISTS \"" + db[1] + "\"");
        }
        Sql.execute("postgres", "DROP DATABASE IF EXISTS \"" + controlDatabase + "\" WITH (FORCE)");
        TestVhosts.delete(vhost);
        Files.deleteIfExists(changelogJar);
    }

    private Process launch(String module, int port, Map<String, String> env) throws IOException {
        Path jar = RunningFleet.root().resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the repository root");
        }
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.redirectErrorStream(true);
        Path log = logDirectory.resolve(module + "-" + suffix + ".log");
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Every log line this fleet's services wrote so far. */
    public String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("migration-worker", "tenant-service")) {
            Path log = logDirectory.resolve(module + "-" + suffix + ".log");
            if (Files.exists(log)) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    private void awaitHealthy(Process process, int port) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .build();
        Awaitility.await("service on port " + port + " healthy (logs in " + logDirectory + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("a service exited during start-up; see " + logDirectory);
                    }
                    return client.send(health, HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200;
                });
    }

    private static void jar(Path directory, Path jar) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(
                        new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
