package dev.tenantfleet.service.dashboard;

import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.service.messaging.Channels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Release events (per-tenant updates, progress, completed) from {@code migration.results}, for live dashboards. */
@ApplicationScoped
public class ReleaseEventsForDashboard {
    private final CloudEventCodec<ReleaseEvent> codec = ReleaseEvent.codec();
    private final DashboardFeed feed;

    ReleaseEventsForDashboard(DashboardFeed feed) {
        this.feed = feed;
    }

    @Incoming(Channels.DASHBOARD_RELEASE_EVENTS_IN)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return LiveEventRelay.relay(message, codec, feed);
    }
}
