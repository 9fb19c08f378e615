package dev.tenantfleet.service.dashboard;

import dev.tenantfleet.messaging.IncomingCloudEvents;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * What both dashboard consumers do: decode strictly, hand the event to the {@link DashboardFeed}, ack. The dashboard
 * queues hold copies (exclusive, auto-delete, one per instance) of events whose durable consumers are elsewhere, so an
 * unreadable copy is logged and acked rather than dead-lettered: the original is dead-lettered by the consumer that
 * owns it, and requeueing a copy that can never be read would only spin.
 */
final class LiveEventRelay {
    private static final Logger LOG = Logger.getLogger(LiveEventRelay.class);

    private LiveEventRelay() {}

    static CompletionStage<Void> relay(Message<byte[]> message, CloudEventCodec<?> codec, DashboardFeed feed) {
        try {
            feed.publish(DashboardUpdate.of(IncomingCloudEvents.decode(message, codec)));
        } catch (MessageFormatException e) {
            LOG.warnf("Dashboard skips an unreadable event copy (%s): %s", e.code(), e.getMessage());
        }
        return message.ack();
    }
}
