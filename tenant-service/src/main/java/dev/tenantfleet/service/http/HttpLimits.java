package dev.tenantfleet.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.service.error.ProblemDetail;
import dev.tenantfleet.service.error.VertxProblems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers requests beyond the server's limits with a problem, before anything reads them: a request line longer than
 * {@link #MAX_URI_LENGTH} (414), headers larger than {@link #MAX_HEADERS_SIZE} (431) and a declared body larger than
 * {@code quarkus.http.limits.max-body-size} (413). Quarkus and Vert.x would answer all three with a bare status. The
 * HTTP server's own hard limits on the request line and the headers ({@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size}) are set well above these so that this check, not the server, meets the long ones: what
 * passes the server's hard limits is refused by its HTTP decoder before any handler runs, and Quarkus offers no hook
 * there (docs/rest-api.md, Limits).
 */
@ApplicationScoped
public class HttpLimits {
    /** Longest request line (method, path and query) answered; what common proxies allow by default. */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** Most bytes of header lines (names, values, separators) answered: room for a big cookie and tracing headers. */
    public static final int MAX_HEADERS_SIZE = 16 * 1024;

    private final long maxBodySize;
    private final ObjectMapper mapper;

    HttpLimits(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper mapper) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        // ahead of Quarkus's own upload limit (order -2), which answers 413 with no body
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            VertxProblems.end(
                    ctx,
                    mapper,
                    ProblemDetail.of(
                            TenantErrorCode.URI_TOO_LONG,
                            414,
                            "the request line is " + ctx.request().uri().length() + " characters long; at most "
                                    + MAX_URI_LENGTH + " are accepted",
                            null));
            return;
        }
        int headersSize = headersSize(ctx);
        if (headersSize > MAX_HEADERS_SIZE) {
            ctx.response().putHeader("Connection", "close");
            VertxProblems.end(
                    ctx,
                    mapper,
                    ProblemDetail.of(
                            TenantErrorCode.HEADERS_TOO_LARGE,
                            431,
                            "the request's headers " + "are " + headersSize + " bytes long; at most " + MAX_HEADERS_SIZE
                                    + " are accepted",
                            VertxProblems.instance(ctx)));
            return;
        }
        if (declaredBodyLength(ctx) > maxBodySize) {
            // the rest of the body is never read: close the connection rather than leave it on the wire
            ctx.response().putHeader("Connection", "close");
            VertxProblems.end(
                    ctx,
                    mapper,
                    ProblemDetail.of(
                            TenantErrorCode.BODY_TOO_LARGE,
                            413,
                            "the request body is " + declaredBodyLength(ctx) + " bytes; at most " + maxBodySize
                                    + " bytes are accepted",
                            VertxProblems.instance(ctx)));
            return;
        }
        ctx.next();
    }

    /** The header lines as sent: each name, ": ", value and CRLF. */
    private static int headersSize(RoutingContext ctx) {
        int size = 0;
        for (var header : ctx.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static long declaredBodyLength(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP server refuses such a request itself
        }
    }
}
