package dev.tenantfleet.service.security;

/**
 * Who is acting, for the audit log. Every caller holds the same system token, so the caller names itself
 * with the {@value #HEADER} header (a deploy job, an operator's e-mail); without it the actor is {@code system}.
 */
public final class Actor {
    /** Header naming the human or job behind a call. */
    public static final String HEADER = "X-Tenantfleet-Actor";
    /** Actor of calls that do not name one, and of the service's own actions. */
    public static final String SYSTEM = "system";

    private Actor() {}

    /** The actor named by a header value, or {@link #SYSTEM}. */
    public static String from(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return SYSTEM;
        }
        String trimmed = headerValue.strip();
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }
}
