package dev.tenantfleet.service.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An inbound message id already applied; inserted in the same transaction as the message's effect. */
@Entity
@Table(name = "processed_message")
public class ProcessedMessage extends PanacheEntityBase {
    @Id
    @Column(name = "message_id")
    public String messageId;

    public String consumer;

    @Column(name = "processed_at")
    public Instant processedAt;

    /**
     * Records {@code messageId} for {@code consumer}; false when it was already recorded, i.e. the
     * message is a redelivery whose effect already committed.
     */
    public static boolean markProcessed(String messageId, String consumer) {
        if (findById(messageId) != null) {
            return false;
        }
        ProcessedMessage processed = new ProcessedMessage();
        processed.messageId = messageId;
        processed.consumer = consumer;
        processed.processedAt = Instant.now();
        processed.persist();
        return true;
    }
}
