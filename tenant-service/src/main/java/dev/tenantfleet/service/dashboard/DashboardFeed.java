package dev.tenantfleet.service.dashboard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Fans the release and tenant events this instance receives out to every open dashboard. Hot and lossy on purpose:
 * a page that connects later starts from the REST snapshot, and a page that falls behind loses only intermediate
 * updates of a live view, never anything durable.
 */
@ApplicationScoped
public class DashboardFeed {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** Serialized: the release and the tenant consumers publish from different threads (Reactive Streams rule 1.3). */
    private final SerializedProcessor<DashboardUpdate, DashboardUpdate> updates =
            BroadcastProcessor.<DashboardUpdate>create().serialized();

    /** Sends {@code update} to every connected page. */
    public void publish(DashboardUpdate update) {
        updates.onNext(update);
    }

    /**
     * The stream one page subscribes to: a first "connected" update (so the page knows it is subscribed and can load
     * its snapshot without missing anything in between), then every update from now on, plus a heartbeat.
     */
    public Multi<DashboardUpdate> stream() {
        Multi<DashboardUpdate> connected = Multi.createFrom().item(DashboardUpdate::connected);
        Multi<DashboardUpdate> live =
                Multi.createFrom().publisher(updates).onOverflow().drop();
        Multi<DashboardUpdate> heartbeat =
                Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> DashboardUpdate.heartbeat());
        return Multi.createBy().merging().streams(live, connected, heartbeat);
    }
}
