package dev.tenantfleet.identity.support;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/** Broker arguments of the test profile's own DLQs (see the %test block of application.properties). */
public class TestQueueArguments {
    /** How long a test DLQ outlives its last use before the broker deletes it. */
    static final int DLQ_EXPIRES_MILLIS = 600_000;

    @Produces
    @Singleton
    @Identifier("identity-test-dlq-arguments")
    Map<String, Object> deadLetterQueueArguments() {
        return Map.of("x-expires", DLQ_EXPIRES_MILLIS);
    }
}
