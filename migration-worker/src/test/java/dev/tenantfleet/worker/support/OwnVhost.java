package dev.tenantfleet.worker.support;

import dev.tenantfleet.testsupport.TestVhosts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the worker under test in a throw-away RabbitMQ vhost of its own (deleted with everything in it at the end), with
 * the production topology: durable quorum queue {@code migration-worker.commands} on {@code migration.commands}, instead
 * of the auto-deleted test queue of {@code /}. For tests that delete the vhost or cut the worker's connections.
 */
public class OwnVhost implements QuarkusTestResourceLifecycleManager {
    private static final String CHANNEL = "%test.mp.messaging.incoming.migrate-tenant-commands.";

    private String name;

    @Override
    public Map<String, String> start() {
        name = TestVhosts.create("migration-worker-test");
        System.setProperty(TestVhosts.PROBE_VHOST_PROPERTY, name);
        Map<String, String> config = new HashMap<>();
        config.put("rabbitmq-virtual-host", name);
        config.put(CHANNEL + "exchange.name", "migration.commands");
        config.put(CHANNEL + "exchange.auto-delete", "false");
        config.put(CHANNEL + "queue.name", "migration-worker.commands");
        config.put(CHANNEL + "queue.durable", "true");
        config.put(CHANNEL + "queue.auto-delete", "false");
        config.put(CHANNEL + "queue.x-queue-type", "quorum");
        config.put(CHANNEL + "queue.x-delivery-limit", "5");
        config.put(CHANNEL + "dead-letter-routing-key", "migration-worker.commands");
        config.put(CHANNEL + "dead-letter-queue-name", "migration-worker.commands.dlq");
        config.put(CHANNEL + "dead-letter-queue-type", "quorum");
        return config;
    }

    @Override
    public void stop() {
        if (name != null) {
            System.clearProperty(TestVhosts.PROBE_VHOST_PROPERTY);
            TestVhosts.delete(name);
        }
    }
}
