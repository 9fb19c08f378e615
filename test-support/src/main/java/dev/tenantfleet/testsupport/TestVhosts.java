package dev.tenantfleet.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private TestVhosts() {}

    /** Creates {@code <prefix>-<random>} with full permissions for the test user and returns its name. */
    public static String create(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        add(name);
        return name;
    }

    /** Deletes the vhost and every exchange and queue in it. */
    public static void delete(String name) {
        rabbitmqctl("delete_vhost", name);
    }

    /**
     * What a broker that lost its definitions does to the services in {@code name}: deletes the vhost (closing every
     * connection into it, dropping its exchanges, queues and messages) and creates it again, empty, with the same
     * permissions. The services must reconnect and declare their topology again by themselves.
     */
    public static void recreate(String name) {
        delete(name);
        add(name);
    }

    /**
     * Force-closes every client connection into the vhost, as a network cut or a broker restart would (the vhost and
     * its durable queues stay). Returns how many were closed.
     */
    public static int closeConnections(String name) {
        int closed = 0;
        for (String line : rabbitmqctl("list_connections", "--no-table-headers", "vhost", "pid")
                .split("\n")) {
            String[] columns = line.trim().split("\t");
            if (columns.length == 2 && columns[0].equals(name)) {
                rabbitmqctl("close_connection", columns[1], "test: connection cut");
                closed++;
            }
        }
        return closed;
    }

    /** Number of consumers of each queue in the vhost, by queue name. */
    public static Map<String, Integer> consumers(String name) {
        Map<String, Integer> consumers = new LinkedHashMap<>();
        for (String line : rabbitmqctl("list_queues", "-p", name, "--no-table-headers", "name", "consumers")
                .split("\n")) {
            String[] columns = line.trim().split("\t");
            if (columns.length == 2) {
                consumers.put(columns[0], Integer.parseInt(columns[1]));
            }
        }
        return consumers;
    }

    private static void add(String name) {
        rabbitmqctl("add_vhost", name);
        rabbitmqctl(
                "set_permissions",
                "-p",
                name,
                System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"),
                ".*",
                ".*",
                ".*");
    }

    private static String rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "rabbitmqctl (on the PATH, allowed to manage the local node) makes test vhosts: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
