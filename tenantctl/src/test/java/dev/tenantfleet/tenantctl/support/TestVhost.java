package dev.tenantfleet.tenantctl.support;

import dev.tenantfleet.testsupport.TestVhosts;

/**
 * A throw-away virtual host on the real local RabbitMQ, so the tests use the real exchange names and routing keys
 * without ever reaching the shared vhost's queues: a migrate-release published here can never be picked up by a
 * tenant-service (its durable queue lives in {@code /}), and "nothing bound" is really nothing bound. Deleted, with
 * everything in it, on close.
 */
public final class TestVhost implements AutoCloseable {
    private final String name;

    private TestVhost(String name) {
        this.name = name;
    }

    public static TestVhost create() {
        return new TestVhost(TestVhosts.create("tenantctl-test"));
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        TestVhosts.delete(name);
    }
}
