package dev.tenantfleet.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.error.ProblemDetail;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards every HTTP route (REST API, OpenAPI document, dashboard) with the system bearer token, except
 * {@code /api/health}. Installed on the Vert.x router ahead of everything so no route can forget it.
 */
@ApplicationScoped
public class SystemTokenFilter {
    private static final String HEALTH_PATH = "/api/health";

    private final byte[] expected;
    private final ObjectMapper mapper;

    SystemTokenFilter(TenantFleetConfig config, ObjectMapper mapper) {
        this.expected = ("Bearer " + config.apiToken()).getBytes(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals(HEALTH_PATH) || path.startsWith(HEALTH_PATH + "/")) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        // Constant-time comparison: the token must not leak through response timing.
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
            return;
        }
        ProblemDetail problem = ProblemDetail.of(TenantErrorCode.UNAUTHENTICATED, Response.Status.UNAUTHORIZED,
                header == null ? "missing Authorization header" : "invalid bearer token", URI.create(path));
        try {
            ctx.response().setStatusCode(401)
                    .putHeader("Content-Type", ProblemDetail.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"tenant-fleet\"")
                    .end(mapper.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(401).end();
        }
    }
}
