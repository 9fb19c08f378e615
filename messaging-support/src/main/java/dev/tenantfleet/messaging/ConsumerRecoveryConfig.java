package dev.tenantfleet.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Consumer recovery ({@link ConsumerRecovery}), the same in every service: {@code tenantfleet.messaging.consumer-recovery.*}.
 */
@ConfigMapping(prefix = "tenantfleet.messaging.consumer-recovery")
public interface ConsumerRecoveryConfig {
    /**
     * How often an incoming RabbitMQ channel whose broker consumer ended (its queue was deleted with the vhost, the
     * broker cancelled it) checks whether its connection is back, and then consumes again. The connection itself is
     * re-established by the connector every {@code mp.messaging.connector.smallrye-rabbitmq.reconnect-interval}; a
     * consumer is back at most one of these intervals after its connection. Default 1 s.
     */
    @WithDefault("1s")
    Duration retryInterval();
}
