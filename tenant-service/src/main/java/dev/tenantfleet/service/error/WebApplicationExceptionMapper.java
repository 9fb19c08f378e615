package dev.tenantfleet.service.error;

import dev.tenantfleet.model.error.TenantErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework errors (unreadable JSON, unknown route, wrong method) answered as problem+json too. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String detail = status == Response.Status.BAD_REQUEST
                ? "the request body is not valid JSON for this endpoint"
                : e.getMessage();
        return ProblemDetail.of(TenantErrorCode.INVALID_REQUEST, status, detail, uriInfo.getRequestUri()).toResponse();
    }
}
