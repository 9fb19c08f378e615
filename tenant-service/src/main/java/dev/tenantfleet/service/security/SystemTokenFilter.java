package dev.tenantfleet.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.error.ProblemDetail;
import dev.tenantfleet.service.error.VertxProblems;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards every HTTP route (REST API, OpenAPI document, dashboard) with the system bearer token, except
 * {@code /api/health}, the dashboard's login form and {@code GET /q/metrics} (aggregate Prometheus metrics with no
 * tenant in any label, so a scraper needs no copy of the system token). Read-only requests may present the dashboard
 * session cookie ({@link DashboardSession}) instead; a browser that has neither is sent to the login form. Installed on
 * the Vert.x router ahead of everything so no route can forget it.
 */
@ApplicationScoped
public class SystemTokenFilter {
    private static final String HEALTH_PATH = "/api/health";
    private static final String METRICS_PATH = "/q/metrics";
    private static final String DASHBOARD_PATH = "/dashboard";
    /** The login form (GET) and the login itself (POST): public, they are how a browser gets its session. */
    public static final String LOGIN_PATH = DASHBOARD_PATH + "/login";

    private final byte[] expected;
    private final ObjectMapper mapper;
    private final DashboardSession session;

    SystemTokenFilter(TenantFleetConfig config, ObjectMapper mapper, DashboardSession session) {
        this.expected = ("Bearer " + config.apiToken()).getBytes(StandardCharsets.UTF_8);
        this.mapper = mapper;
        this.session = session;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private static boolean isReadOnly(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
    }

    private boolean hasSession(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(DashboardSession.COOKIE);
        return cookie != null && session.isValid(cookie.getValue());
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean dashboard = path.equals(DASHBOARD_PATH) || path.startsWith(DASHBOARD_PATH + "/");
        if (dashboard) {
            // The pages load only their own scripts and styles (the login form's style is inline) and are never framed.
            ctx.response()
                    .putHeader(
                            "Content-Security-Policy",
                            "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer");
        }
        if (path.equals(HEALTH_PATH)
                || path.startsWith(HEALTH_PATH + "/")
                || path.equals(LOGIN_PATH)
                || path.equals(METRICS_PATH) && isReadOnly(ctx)) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        // Constant-time comparison: the token must not leak through response timing.
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
            return;
        }
        if (isReadOnly(ctx) && hasSession(ctx)) {
            ctx.next();
            return;
        }
        if (header == null && isReadOnly(ctx) && dashboard) {
            ctx.redirect(LOGIN_PATH); // a person at a browser: show the form, not a problem document
            return;
        }
        ProblemDetail problem = ProblemDetail.of(
                TenantErrorCode.UNAUTHENTICATED,
                Response.Status.UNAUTHORIZED,
                header == null ? "missing Authorization header" : "invalid bearer token",
                VertxProblems.instance(ctx));
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tenant-fleet\"");
        VertxProblems.end(ctx, mapper, problem);
    }
}
