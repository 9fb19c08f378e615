package dev.tenantfleet.tenantctl.broker;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.release.ReleaseEvent;

/** What the release-event subscription hands to the follower, in arrival order. */
public sealed interface ReleaseSignal {
    /** A release event. */
    record Event(CloudEvent<ReleaseEvent> event) implements ReleaseSignal {}

    /** A message on the release's routing keys that could not be decoded (skipped). */
    record Unreadable(String reason) implements ReleaseSignal {}

    /** The broker connection or consumer went away (it may recover by itself). */
    record Interrupted(String reason) implements ReleaseSignal {}
}
