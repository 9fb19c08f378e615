package dev.tenantfleet.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the service under test in a throw-away RabbitMQ vhost of its own ({@code <quarkus.application.name>-test-<random>},
 * deleted with everything in it at the end), with the production topology instead of the test one: every
 * {@code %test.} override of the messaging channels ({@code %test.mp.messaging.*}) and of identity-consumer's binding
 * ({@code %test.binding.*}) in the service's application.properties is replaced by the value the same key has outside
 * the test profile, or unset when it has none (so the connector-level value, or the connector's default, applies):
 * durable quorum queues on the production exchanges. For tests that delete the vhost or cut the service's connections,
 * and for tests whose consumers must not compete with another instance on the shared queues of {@code /}. The test's
 * {@link BrokerProbe} and {@link TestBrokerClient} connect to the same vhost.
 */
public class OwnVhost implements QuarkusTestResourceLifecycleManager {
    private static final String TEST_PROFILE = "%test.";

    private String name;

    @Override
    public Map<String, String> start() {
        Properties file = applicationProperties();
        name = TestVhosts.create(file.getProperty("quarkus.application.name") + "-test");
        System.setProperty(TestVhosts.PROBE_VHOST_PROPERTY, name);
        Map<String, String> config = new HashMap<>();
        config.put("rabbitmq-virtual-host", name);
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(TEST_PROFILE + "mp.messaging.") || key.startsWith(TEST_PROFILE + "binding.")) {
                // An empty value unsets the key: the lookup does not go on to the %test value of
                // application.properties.
                config.put(key, file.getProperty(key.substring(TEST_PROFILE.length()), ""));
            }
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

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "no application.properties on the class path of the service under test");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
