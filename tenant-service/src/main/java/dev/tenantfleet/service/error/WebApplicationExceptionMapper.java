package dev.tenantfleet.service.error;

import dev.tenantfleet.model.error.ErrorCode;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework errors (unreadable JSON, unknown route, wrong method or media type) answered as problem+json too. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        TenantFleetException classified = causeOfType(e, TenantFleetException.class);
        if (classified != null) {
            // thrown while the body was read (RequestBodyLimit cut it off) and wrapped by the reader: answer it as
            // itself
            return problem(classified.code(), HttpStatusOfCode.of(classified.code()), classified.getMessage());
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted (a UUID, a number): the route
            // exists,
            // the request is wrong. The cause's message may name Java classes, so it stays out of the answer.
            String query = uriInfo.getRequestUri().getRawQuery();
            return problem(
                    TenantErrorCode.INVALID_PARAMETER,
                    400,
                    "a path or query parameter is not valid: "
                            + uriInfo.getRequestUri().getRawPath() + (query == null ? "" : "?" + query));
        }
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404, 405 ->
                problem(
                        TenantErrorCode.NO_SUCH_ROUTE,
                        status,
                        "no endpoint answers " + (status == 405 ? "this method on " : "")
                                + uriInfo.getRequestUri().getRawPath());
            case 406, 415 -> problem(TenantErrorCode.UNSUPPORTED_MEDIA_TYPE, status, e.getMessage());
            case 413 -> problem(TenantErrorCode.BODY_TOO_LARGE, status, "the request body is too large");
            case 400 -> problem(TenantErrorCode.INVALID_REQUEST, status, JsonProblems.detail(e.getCause()));
            default ->
                problem(TenantErrorCode.INVALID_REQUEST, status >= 400 && status < 600 ? status : 400, e.getMessage());
        };
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private Response problem(ErrorCode code, int status, String detail) {
        return ProblemDetail.of(code, status, detail, uriInfo.getRequestUri()).toResponse();
    }
}
