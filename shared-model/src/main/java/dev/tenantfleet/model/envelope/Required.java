package dev.tenantfleet.model.envelope;

/** Null checks for record compact constructors, so a missing JSON field fails naming the field. */
public final class Required {
    private Required() {}

    /** {@code value}, or an {@link IllegalArgumentException} saying {@code field} is required. */
    public static <V> V field(V value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }
}
