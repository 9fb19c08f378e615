package dev.tenantfleet.service.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tenantfleet.model.error.ErrorCode;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per error code, {@code code} and {@code hint}
 * are Tenant Fleet extensions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(URI type, String title, int status, String detail, URI instance, String code, String hint) {
    /** Media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://tenantfleet.dev/problems/";

    /** The problem for {@code code}, answered with {@code status}. */
    public static ProblemDetail of(ErrorCode code, Response.Status status, String detail, URI instance) {
        return of(code, status.getStatusCode(), detail, instance);
    }

    /** The problem for {@code code}, answered with the HTTP status {@code status}. */
    public static ProblemDetail of(ErrorCode code, int status, String detail, URI instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        // JAX-RS has no constant for 422 (RFC 9110 "Unprocessable Content").
        String title = known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
        return new ProblemDetail(
                URI.create(TYPE_BASE + code.name().toLowerCase().replace('_', '-')),
                title,
                status,
                detail,
                instance,
                code.name(),
                code.hint());
    }

    /** This problem as a JAX-RS response. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
