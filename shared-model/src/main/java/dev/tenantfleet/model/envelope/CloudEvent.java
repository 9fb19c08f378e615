package dev.tenantfleet.model.envelope;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, carrying one of Tenant Fleet's payload records.
 *
 * @param id              unique per message; consumers use it as the idempotency key
 * @param source          the producing service, e.g. {@code /tenant-service}
 * @param type            versioned event type, e.g. {@code tenantfleet.tenant.status-changed.v1}
 * @param time            when the fact happened
 * @param subject         what the event is about (the tenant slug for tenant events)
 * @param data            the payload record
 * @param <T>             payload type
 */
public record CloudEvent<T>(String id, URI source, String type, Instant time, String subject, T data) {
    /** The only CloudEvents version this codec reads and writes. */
    public static final String SPEC_VERSION = "1.0";
    /** The datacontenttype of every payload. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A new envelope for {@code message}, stamped now, with its type and subject, and its own id if it has one
     * ({@link ExportedMessage#envelopeId()}), else a random one.
     */
    public static <T extends ExportedMessage> CloudEvent<T> of(String source, T message) {
        return new CloudEvent<>(
                message.envelopeId().orElseGet(() -> UUID.randomUUID().toString()),
                URI.create(source),
                message.type(),
                Instant.now(),
                message.subject(),
                message);
    }

    /** A new envelope with a random id, stamped now. */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data) {
        return new CloudEvent<>(UUID.randomUUID().toString(), URI.create(source), type, Instant.now(), subject, data);
    }
}
