package dev.tenantfleet.tenantctl.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away virtual host on the real local RabbitMQ (made with {@code rabbitmqctl}), so the tests use the real
 * exchange names and routing keys without ever reaching the shared vhost's queues: a migrate-release published here
 * can never be picked up by a tenant-service (its durable queue lives in {@code /}), and "nothing bound" is really
 * nothing bound. Deleted, with everything in it, on close.
 */
public final class TestVhost implements AutoCloseable {
    private final String name;

    private TestVhost(String name) {
        this.name = name;
    }

    public static TestVhost create() {
        String name = "tenantctl-test-" + UUID.randomUUID().toString().substring(0, 8);
        rabbitmqctl("add_vhost", name);
        rabbitmqctl("set_permissions", "-p", name, System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"), ".*",
                ".*", ".*");
        return new TestVhost(name);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        rabbitmqctl("delete_vhost", name);
    }

    private static void rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("rabbitmqctl");
        command.add("-q");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("these tests create a RabbitMQ vhost with rabbitmqctl, which is not "
                    + "available: " + e.getMessage() + " (see DEVELOPERS.md for the local broker)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
