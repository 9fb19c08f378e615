package dev.tenantfleet.service.outbox;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.service.messaging.Channels;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes one outbox row to its exchange. The returned future completes only when the broker has
 * confirmed the message (the channels run with publisher confirms), and fails when it nacked it.
 */
@ApplicationScoped
public class OutboxPublisher {
    private static final int PERSISTENT = 2;

    private final Emitter<byte[]> tenantEvents;
    private final Emitter<byte[]> migrationCommands;
    private final Emitter<byte[]> releaseEvents;

    OutboxPublisher(
            @Channel(Channels.TENANT_EVENTS_OUT) Emitter<byte[]> tenantEvents,
            @Channel(Channels.MIGRATION_COMMANDS_OUT) Emitter<byte[]> migrationCommands,
            @Channel(Channels.RELEASE_EVENTS_OUT) Emitter<byte[]> releaseEvents) {
        this.tenantEvents = tenantEvents;
        this.migrationCommands = migrationCommands;
        this.releaseEvents = releaseEvents;
    }

    /** Sends {@code row}; completes on the broker's confirm. */
    public CompletableFuture<Void> publish(OutboxMessage row) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(row.routingKey)
                .withMessageId(row.messageId)
                .withType(row.type)
                .withContentType(MessageHeaders.CLOUDEVENTS_JSON)
                .withDeliveryMode(PERSISTENT)
                .withTimestamp(row.createdAt.atZone(ZoneOffset.UTC))
                .build();
        Message<byte[]> message = Message.of(row.payload.getBytes(StandardCharsets.UTF_8))
                .addMetadata(metadata)
                .withAck(() -> {
                    confirmed.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    confirmed.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitterFor(row.exchange).send(message);
        } catch (RuntimeException e) {
            // e.g. the emitter's buffer is full or the channel is down: the row stays pending.
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }

    private Emitter<byte[]> emitterFor(String exchange) {
        return switch (exchange) {
            case Exchanges.TENANT_EVENTS -> tenantEvents;
            case Exchanges.MIGRATION_COMMANDS -> migrationCommands;
            case Exchanges.MIGRATION_RESULTS -> releaseEvents;
            default -> throw new IllegalStateException("no outgoing channel for exchange " + exchange);
        };
    }
}
