package dev.tenantfleet.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while any RabbitMQ incoming channel is without a consumer on the broker (its consumer ended and
 * {@link ConsumerRecovery} waits for the connection to come back), with the reason and since when per channel.
 * The connector's own per-channel checks only say whether the connection is open, which it is again before a cancelled
 * consumer is back.
 */
@Readiness
@ApplicationScoped
public class BrokerConsumersCheck implements HealthCheck {
    static final String NAME = "RabbitMQ consumers";

    private final ConsumerRecovery recovery;

    BrokerConsumersCheck(ConsumerRecovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerRecovery.Lost> lost = recovery.lostChannels();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(lost.isEmpty());
        for (String channel : new TreeSet<>(recovery.channels())) {
            ConsumerRecovery.Lost why = lost.get(channel);
            response.withData(
                    channel,
                    why == null
                            ? "consuming"
                            : "no consumer since " + why.since() + " (" + why.reason()
                                    + "), waiting for the connection");
        }
        return response.build();
    }
}
