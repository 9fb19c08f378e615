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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the packaged migration-worker and tenant-service once per test run, as real processes against
 * the local PostgreSQL and RabbitMQ, with a fresh control database, a random system token and key ring;
 * stops them and drops everything they created (tenant databases and roles, control database) at the end. A test may
 * start more tenant-service replicas beside them ({@link #startReplica}).
 */
public final class RunningFleet implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    /** Prefix of tenant database names in system tests, so nothing collides with other runs. */
    public static final String NAME_PREFIX = "tfs_";

    private static RunningFleet instance;

    public final String token = "systest-" + UUID.randomUUID();
    public final String keyRing = "sys-k1:" + CredentialCipher.generateKey();
    public final String controlDatabase =
            "tenantfleet_systest_" + UUID.randomUUID().toString().substring(0, 8);
    public final Path logDirectory;
    /** RabbitMQ vhost of this fleet: its workers and tenant-service never meet another run's on the queues of /. */
    /** (JUnit makes an instance per test class; only the one that starts makes the vhost.) */
    public String vhost;
    /** Tag new tenants are provisioned at, so releases have something to do. */
    public static final String PROVISIONING_TAG = "v1.2";

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private Process worker;
    private Process tenantService;
    private int tenantServicePort;
    private int workerPort;

    public RunningFleet() {
        logDirectory = root().resolve("system-tests/target/system-test-logs");
    }

    /** The running fleet. */
    public static synchronized RunningFleet get() {
        return instance;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningFleet.class) {
            if (instance == null) {
                RunningFleet fleet = new RunningFleet();
                fleet.start();
                instance = fleet;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningFleet.class.getName(), fleet);
            }
        }
    }

    /** Base URI of tenant-service. */
    public String tenantServiceUri() {
        return "http://127.0.0.1:" + tenantServicePort;
    }

    /** Every log line the services (and any replica) wrote so far. */
    public String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(logDirectory)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private void start() throws Exception {
        Files.createDirectories(logDirectory);
        try (var old = Files.list(logDirectory)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Sql.execute("postgres", "CREATE DATABASE \"" + controlDatabase + "\"");
        int[] ports = FreePorts.two();
        workerPort = ports[0];
        tenantServicePort = ports[1];
        env.put("TENANTFLEET_KEYS", keyRing);
        env.put("SYSTEM_API_TOKEN", token);
        env.put("CONTROL_DB_NAME", controlDatabase);
        vhost = TestVhosts.create("tenantfleet-systest");
        env.put("RABBITMQ_VIRTUAL_HOST", vhost);
        System.setProperty(TestVhosts.PROBE_VHOST_PROPERTY, vhost); // the tests' broker probes listen in this vhost
        env.put("TENANTFLEET_PROVISIONING_NAME_PREFIX", NAME_PREFIX);
        env.put("TENANTFLEET_PROVISIONING_TARGET_TAG", PROVISIONING_TAG);
        // The worker declares its command queue, so it starts first: nothing tenant-service sends is unroutable.
        startWorker();
        startTenantService();
    }

    /** Starts (again) the migration-worker and waits until it is healthy. */
    public synchronized void startWorker() throws IOException {
        worker = launch("migration-worker", "migration-worker", workerPort);
        awaitHealthy(worker, workerPort);
    }

    /** Kills the migration-worker with SIGKILL, as a crash would: no shutdown hook, no ack, sessions cut. */
    public synchronized void killWorker() throws InterruptedException {
        worker.destroyForcibly().waitFor();
    }

    /** Starts (again) tenant-service and waits until it is healthy. */
    public synchronized void startTenantService() throws IOException {
        tenantService = launch("tenant-service", "tenant-service", tenantServicePort);
        awaitHealthy(tenantService, tenantServicePort);
    }

    /** Kills tenant-service with SIGKILL. */
    public synchronized void killTenantService() throws InterruptedException {
        tenantService.destroyForcibly().waitFor();
    }

    /**
     * Starts (again) one more tenant-service replica: its own process, on {@code port}, logging to {@code name}.log,
     * against this fleet's control database and vhost, beside the one {@link #startTenantService} runs. Waits until it
     * is healthy. The test that starts it stops it ({@link Replica#kill}, {@link Replica#stop}); {@link #close} stops it
     * otherwise.
     */
    public synchronized Replica startReplica(String name, int port) throws IOException {
        Process process = launch("tenant-service", name, port);
        awaitHealthy(process, port);
        return new Replica(name, port, process);
    }

    /** A tenant-service replica a test started with {@link #startReplica}. */
    public record Replica(String name, int port, Process process) {
        /** Base URI of this replica. */
        public String uri() {
            return "http://127.0.0.1:" + port;
        }

        /** Kills the replica with SIGKILL, as a crash would: no shutdown hook, its sessions and channels cut. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        /** Stops the replica as an orchestrator would (SIGTERM) and waits until it exited. */
        public void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private Process launch(String module, String logName, int port) throws IOException {
        Path jar = root().resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the repository root");
        }
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(
                logDirectory.resolve(logName + ".log").toFile()));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitHealthy(Process process, int port) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .build();
        Awaitility.await("service on port " + port + " healthy (logs in " + logDirectory + ")")
                .atMost(Duration.ofSeconds(60))
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

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor();
        }
        List<String[]> tenants = new ArrayList<>();
        try (Connection connection = Sql.connect(controlDatabase);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT database_name, role_name FROM tenant")) {
            while (rows.next()) {
                tenants.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] tenant : tenants) {
            Sql.execute("postgres", "DROP DATABASE IF EXISTS \"" + tenant[0] + "\" WITH (FORCE)");
            Sql.execute("postgres", "DROP ROLE IF EXISTS \"" + tenant[1] + "\"");
        }
        Sql.execute("postgres", "DROP DATABASE IF EXISTS \"" + controlDatabase + "\" WITH (FORCE)");
        if (vhost != null) {
            TestVhosts.delete(vhost);
        }
    }

    static Path root() {
        return Path.of(System.getProperty("tenantfleet.root", ".."))
                .toAbsolutePath()
                .normalize();
    }
}
