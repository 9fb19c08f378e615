package dev.tenantfleet.service.security;

import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser session of the fleet dashboard. A page cannot send a bearer header when it navigates or opens an
 * EventSource, so whoever presents the system token on the login form gets a cookie instead: an HMAC of a fixed label
 * keyed by the token (so the cookie is not the token itself and dies when the token is rotated), HttpOnly and
 * SameSite=Strict. It authenticates read-only requests (GET, HEAD) only: every change still needs the bearer token,
 * which keeps cross-site request forgery out of reach.
 */
@ApplicationScoped
public class DashboardSession {
    /** Name of the session cookie. */
    public static final String COOKIE = "tenantfleet_dashboard";
    private static final String LABEL = "tenantfleet-dashboard-session-v1";

    private final byte[] token;
    private final String sessionValue;

    DashboardSession(TenantFleetConfig config) {
        this.token = config.apiToken().getBytes(StandardCharsets.UTF_8);
        this.sessionValue = hmac(token);
    }

    /** Whether {@code presented} is the system token (constant time). */
    public boolean isSystemToken(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code cookieValue} is a valid session (constant time). */
    public boolean isValid(String cookieValue) {
        return cookieValue != null && MessageDigest.isEqual(sessionValue.getBytes(StandardCharsets.US_ASCII),
                cookieValue.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cookie value a successful login sets. */
    public String value() {
        return sessionValue;
    }

    private static String hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
