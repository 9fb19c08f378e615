package dev.tenantfleet.identity.event;

import java.util.Objects;

/**
 * What became of one event of a batch: its {@link Outcome}, or why it could not be applied (the consumer then
 * requeues or dead-letters that event alone).
 *
 * @param outcome applied or ignored as stale; null when {@code failure} is set
 * @param failure why the event was not applied, or null
 */
public record EventResult(Outcome outcome, RuntimeException failure) {

    /** The event was applied or ignored as stale. */
    public static EventResult of(Outcome outcome) {
        return new EventResult(Objects.requireNonNull(outcome, "outcome"), null);
    }

    /** The event was not applied. */
    public static EventResult failed(RuntimeException failure) {
        return new EventResult(null, Objects.requireNonNull(failure, "failure"));
    }
}
