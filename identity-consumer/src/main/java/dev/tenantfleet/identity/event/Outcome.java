package dev.tenantfleet.identity.event;

/** What became of one event. */
public enum Outcome {
    /** Its effect was applied and its version recorded. */
    APPLIED,
    /** A duplicate, or older than what was already applied to its entity: nothing done. */
    IGNORED_STALE
}
