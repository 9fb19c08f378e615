package dev.tenantfleet.worker.command;

import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Which delivery of a command this is, as the broker tells it: the quorum queue's {@code x-delivery-count} header
 * counts earlier deliveries that came back, and the {@code redelivered} flag says there was at least one (a worker that
 * died holding the command, a nack with requeue). The result carries it, so tenant-service counts the redelivery as
 * another attempt.
 */
final class DeliveryAttempt {
    static final String DELIVERY_COUNT = "x-delivery-count";

    private DeliveryAttempt() {}

    static int of(Message<?> message) {
        return message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(DeliveryAttempt::of)
                .orElse(1);
    }

    static int of(IncomingRabbitMQMetadata metadata) {
        Object count = metadata.getHeaders().get(DELIVERY_COUNT);
        int counted = count instanceof Number number ? number.intValue() + 1 : 1;
        return Math.max(counted, metadata.isRedeliver() ? 2 : 1);
    }
}
