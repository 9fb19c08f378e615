package dev.tenantfleet.worker.support;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/** Broker arguments of the test profile's own queues (see the %test block of application.properties). */
public class TestQueueArguments {
    /** How long the test DLQ outlives its last use before the broker deletes it. */
    static final int DLQ_EXPIRES_MILLIS = 600_000;

    @Produces
    @Singleton
    @Identifier("worker-test-dlq-arguments")
    Map<String, Object> deadLetterQueueArguments() {
        return Map.of("x-expires", DLQ_EXPIRES_MILLIS);
    }
}
