package dev.tenantfleet.model.envelope;

import java.util.Optional;

/**
 * What a message says about how it is sent, so that one publisher (tenant-service's outbox) sends every family the
 * same way: the exchange and routing key it is published with, and the CloudEvents {@code type} and {@code subject} of
 * its envelope. Modelled on Debezium's outbox {@code ExportedEvent}, which carries the same for its outbox table.
 * Implemented by the sealed message families; the routing-key layout stays in {@code RoutingKeys}.
 */
public interface ExportedMessage {
    /** The exchange the message is published to, one of {@code Exchanges}. */
    String exchange();

    /** The routing key it is published with. */
    String routingKey();

    /** The versioned CloudEvents type. */
    String type();

    /** The CloudEvents subject: what the message is about (a tenant slug, a release id); null when nothing. */
    String subject();

    /**
     * The id its envelope must carry when the message has one of its own (a command: its command id, the idempotency
     * key its answer repeats); empty when any fresh id will do.
     */
    default Optional<String> envelopeId() {
        return Optional.empty();
    }
}
