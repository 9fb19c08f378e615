package dev.tenantfleet.identity.support;

import dev.tenantfleet.testsupport.TestVhosts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the consumer under test in a throw-away RabbitMQ vhost of its own (deleted with everything in it at the end),
 * with the production topology: durable quorum queues {@code identity-consumer.all} and
 * {@code identity-consumer.tenant-status} on {@code identity.events} and {@code tenant.events}, instead of the
 * auto-deleted test queues of {@code /}. For tests that delete the vhost or cut the consumer's connections.
 */
public class OwnVhost implements QuarkusTestResourceLifecycleManager {
    private String name;

    @Override
    public Map<String, String> start() {
        name = TestVhosts.create("identity-consumer-test");
        System.setProperty(TestVhosts.PROBE_VHOST_PROPERTY, name);
        Map<String, String> config = new HashMap<>();
        config.put("rabbitmq-virtual-host", name);
        config.put("%test.binding.queue-prefix", "identity-consumer");
        config.put("%test.binding.identity-exchange", "identity.events");
        config.put("%test.binding.tenant-exchange", "tenant.events");
        for (String channel : new String[] {"identity-events", "tenant-events"}) {
            String prefix = "%test.mp.messaging.incoming." + channel + ".";
            config.put(prefix + "exchange.auto-delete", "false");
            config.put(prefix + "queue.durable", "true");
            config.put(prefix + "queue.auto-delete", "false");
            config.put(prefix + "queue.x-queue-type", "quorum");
            config.put(prefix + "queue.x-delivery-limit", "100");
            config.put(prefix + "dead-letter-queue-type", "quorum");
        }
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
