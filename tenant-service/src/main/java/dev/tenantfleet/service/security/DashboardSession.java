package dev.tenantfleet.service.security;

import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser session of the fleet dashboard. A page cannot send a bearer header when it navigates or opens an
 * EventSource, so whoever presents the system token on the login form gets a cookie instead:
 * {@code <issued-at epoch seconds>.<HMAC-SHA256 of label and issued-at, keyed by the token>}. It is not the token, it
 * expires after {@link #LIFETIME}, and it dies at once when the token is rotated. It authenticates read-only requests
 * (GET, HEAD) only: every change still needs the bearer token, which keeps cross-site request forgery out of reach.
 */
@ApplicationScoped
public class DashboardSession {
    /** Name of the session cookie. */
    public static final String COOKIE = "tenantfleet_dashboard";
    /** How long a login lasts: a working day or a long deploy, not forever. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final String LABEL = "tenantfleet-dashboard-session-v2:";
    /** Epoch seconds have 10 digits until the year 2286; 12 leave room and keep every value far inside a long. */
    private static final int MAX_ISSUED_AT_DIGITS = 12;
    /** Issue time, dot and a base64url HMAC-SHA256 (43 characters); anything much longer is not a session. */
    private static final int MAX_COOKIE_LENGTH = 100;

    private final byte[] token;
    private final Clock clock;

    DashboardSession(TenantFleetConfig config) {
        this.token = config.apiToken().getBytes(StandardCharsets.UTF_8);
        this.clock = Clock.systemUTC();
    }

    /** Whether {@code presented} is the system token (constant time). */
    public boolean isSystemToken(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code cookieValue} is a session this token issued less than {@link #LIFETIME} ago (constant time). Any
     * other value, however malformed, is simply not a session: the issue time is checked as a number before it becomes
     * an {@link Instant}, which cannot hold every long.
     */
    public boolean isValid(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > MAX_COOKIE_LENGTH) {
            return false;
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0 || dot > MAX_ISSUED_AT_DIGITS || !isDigits(cookieValue, dot)) {
            return false;
        }
        long issuedAt = Long.parseLong(cookieValue, 0, dot, 10); // at most 12 digits: always a long
        long now = clock.instant().getEpochSecond();
        boolean fresh = issuedAt <= now + 60 && issuedAt + LIFETIME.toSeconds() > now;
        if (!fresh) {
            return false;
        }
        return MessageDigest.isEqual(
                value(Instant.ofEpochSecond(issuedAt)).getBytes(StandardCharsets.US_ASCII),
                cookieValue.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isDigits(String text, int end) {
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The cookie value a login now sets. */
    public String value() {
        return value(clock.instant());
    }

    /** The cookie value of a login at {@code issuedAt}. */
    public String value(Instant issuedAt) {
        String issued = Long.toString(issuedAt.getEpochSecond());
        return issued + "." + hmac(token, LABEL + issued);
    }

    private static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
