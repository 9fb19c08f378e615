package dev.tenantfleet.service.outbox;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.ExportedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Adds messages to the outbox inside the caller's transaction: the message commits with the state
 * change it announces or not at all. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {
    /** CloudEvents source of everything tenant-service publishes. */
    public static final String SOURCE = "/tenant-service";

    private final Event<OutboxWritten> written;

    Outbox(Event<OutboxWritten> written) {
        this.written = written;
    }

    /**
     * Queues {@code message} for its exchange and routing key, in a CloudEvents envelope with its type and subject; a
     * command's envelope id is its command id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ExportedMessage message) {
        CloudEvent<ExportedMessage> envelope = CloudEvent.of(SOURCE, message);
        store(envelope.id(), message.exchange(), message.routingKey(), message.type(), CloudEventCodec.write(envelope));
    }

    private void store(String messageId, String exchange, String routingKey, String type, byte[] body) {
        OutboxMessage message = new OutboxMessage();
        message.messageId = messageId;
        message.exchange = exchange;
        message.routingKey = routingKey;
        message.type = type;
        message.payload = new String(body, StandardCharsets.UTF_8);
        message.createdAt = Instant.now();
        message.persist();
        written.fire(new OutboxWritten());
    }
}
