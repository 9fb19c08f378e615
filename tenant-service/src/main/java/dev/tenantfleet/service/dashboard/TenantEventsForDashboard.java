package dev.tenantfleet.service.dashboard;

import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.service.messaging.Channels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Tenant events (provisioned, status changed, schema changed, ...) from {@code tenant.events}, for live dashboards. */
@ApplicationScoped
public class TenantEventsForDashboard {
    private final CloudEventCodec<TenantEvent> codec = TenantEvent.codec();
    private final DashboardFeed feed;

    TenantEventsForDashboard(DashboardFeed feed) {
        this.feed = feed;
    }

    @Incoming(Channels.DASHBOARD_TENANT_EVENTS_IN)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return LiveEventRelay.relay(message, codec, feed);
    }
}
