package dev.tenantfleet.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away RabbitMQ virtual hosts for tests, made and deleted (with everything in them) by {@code rabbitmqctl}.
 * A service under test in its own vhost never competes for the shared durable queues of {@code /} with another
 * test run, a demo or a benchmark on the same broker.
 */
public final class TestVhosts {
    /** System property naming the vhost {@link BrokerProbe} connects to (else {@code RABBITMQ_VIRTUAL_HOST}, else /). */
    public static final String PROBE_VHOST_PROPERTY = "testsupport.probe-vhost";

    private TestVhosts() {
    }

    /** Creates {@code <prefix>-<random>} with full permissions for the test user and returns its name. */
    public static String create(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        rabbitmqctl("add_vhost", name);
        rabbitmqctl("set_permissions", "-p", name, System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"), ".*",
                ".*", ".*");
        return name;
    }

    /** Deletes the vhost and every exchange and queue in it. */
    public static void delete(String name) {
        rabbitmqctl("delete_vhost", name);
    }

    private static void rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl (on the PATH, allowed to manage the local node) makes test vhosts: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
