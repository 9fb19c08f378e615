package dev.tenantfleet.service.dashboard;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events for the fleet dashboard (and any other live view): release and tenant events as they happen. */
@Path("/api/dashboard/events")
public class DashboardEventsResource {
    private final DashboardFeed feed;

    DashboardEventsResource(DashboardFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live release and tenant events (text/event-stream, one JSON update per event)")
    public Multi<DashboardUpdate> events() {
        return feed.stream();
    }
}
