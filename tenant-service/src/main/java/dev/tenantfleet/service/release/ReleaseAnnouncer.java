package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.service.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Puts release events in the outbox, in the transaction of the change they announce. */
@ApplicationScoped
class ReleaseAnnouncer {
    private final Outbox outbox;
    private final Event<ReleaseFinished> finished;

    ReleaseAnnouncer(Outbox outbox, Event<ReleaseFinished> finished) {
        this.outbox = outbox;
        this.finished = finished;
    }

    /** Announces {@code event}; the end of a release is also fired as {@link ReleaseFinished} (the metrics count it). */
    @Transactional(Transactional.TxType.MANDATORY)
    void announce(ReleaseEvent event) {
        outbox.add(event);
        if (event instanceof ReleaseCompleted completed) {
            finished.fire(new ReleaseFinished(completed.releaseId(), completed.status()));
        }
    }
}
