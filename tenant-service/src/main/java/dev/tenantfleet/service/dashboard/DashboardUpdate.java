package dev.tenantfleet.service.dashboard;

import dev.tenantfleet.model.envelope.CloudEvent;
import java.time.Instant;

/**
 * One live update for the fleet dashboard: a release or tenant event as it went over the broker, reduced to what a
 * page needs. {@code data} is the event's payload record (serialized as JSON), so the page reads the same fields as
 * docs/events.md describes.
 *
 * @param type    the CloudEvents type, e.g. {@code tenantfleet.release.tenant-updated.v1}
 * @param subject tenant slug (tenant events) or release id (release events)
 */
public record DashboardUpdate(String type, String subject, Instant time, Object data) {

    /** The update carrying {@code event}. */
    public static DashboardUpdate of(CloudEvent<?> event) {
        return new DashboardUpdate(event.type(), event.subject(), event.time(), event.data());
    }

    /** The first update of every stream: the page is subscribed from here on. */
    static DashboardUpdate connected() {
        return new DashboardUpdate("tenantfleet.dashboard.connected", null, Instant.now(), null);
    }

    /** A keep-alive the page ignores; it stops proxies from closing an idle stream. */
    static DashboardUpdate heartbeat() {
        return new DashboardUpdate("tenantfleet.dashboard.heartbeat", null, Instant.now(), null);
    }
}
