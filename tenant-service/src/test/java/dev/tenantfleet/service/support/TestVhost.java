package dev.tenantfleet.service.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tenant-service under test in a throw-away RabbitMQ virtual host (made with {@code rabbitmqctl}, deleted
 * with everything in it at the end), so its consumers never compete with another tenant-service on the shared queues
 * of {@code /}. For test classes that need the broker only for what they publish.
 */
public class TestVhost implements QuarkusTestResourceLifecycleManager {
    private String name;

    @Override
    public Map<String, String> start() {
        name = "tenant-service-test-" + UUID.randomUUID().toString().substring(0, 8);
        rabbitmqctl("add_vhost", name);
        rabbitmqctl("set_permissions", "-p", name, System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"), ".*",
                ".*", ".*");
        return Map.of("rabbitmq-virtual-host", name);
    }

    @Override
    public void stop() {
        if (name != null) {
            rabbitmqctl("delete_vhost", name);
        }
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
            throw new IllegalStateException("rabbitmqctl is needed to make a test vhost: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
