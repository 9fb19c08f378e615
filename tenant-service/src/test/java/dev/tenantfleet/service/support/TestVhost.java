package dev.tenantfleet.service.support;

import dev.tenantfleet.testsupport.TestVhosts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the tenant-service under test in a throw-away RabbitMQ virtual host (deleted with everything in it at the end),
 * so its consumers never compete with another tenant-service on the shared queues of {@code /}. For test classes that
 * need the broker only for what they publish.
 */
public class TestVhost implements QuarkusTestResourceLifecycleManager {
    private String name;

    @Override
    public Map<String, String> start() {
        name = TestVhosts.create("tenant-service-test");
        System.setProperty(TestVhosts.PROBE_VHOST_PROPERTY, name); // the test's broker probes publish in the same vhost
        return Map.of("rabbitmq-virtual-host", name);
    }

    @Override
    public void stop() {
        if (name != null) {
            System.clearProperty(TestVhosts.PROBE_VHOST_PROPERTY);
            TestVhosts.delete(name);
        }
    }
}
