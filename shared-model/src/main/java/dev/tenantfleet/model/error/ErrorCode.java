package dev.tenantfleet.model.error;

/** An error code enum constant: stable machine-readable name plus a hint for the human who meets it. */
public interface ErrorCode {
    /** Stable identifier, the enum constant's name; safe to match on in clients and dashboards. */
    String name();

    /** What to do about it, one sentence. */
    String hint();
}
