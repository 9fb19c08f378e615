package dev.tenantfleet.service.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/** Ends a Vert.x response with a problem, for the checks that run on the router before any JAX-RS resource. */
public final class VertxProblems {
    private VertxProblems() {}

    /** The request's path as a problem's {@code instance}; null when it is no valid URI (then it is left out). */
    public static URI instance(RoutingContext ctx) {
        try {
            return URI.create(ctx.request().path());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Answers {@code problem} with its status as application/problem+json (headers set before are kept). */
    public static void end(RoutingContext ctx, ObjectMapper mapper, ProblemDetail problem) {
        ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE);
        try {
            ctx.response().end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().end(); // a record of strings and numbers always serialises; the status still tells
        }
    }
}
