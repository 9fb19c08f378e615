package dev.tenantfleet.service.error;

import dev.tenantfleet.model.error.TenantFleetException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every classified error becomes a problem+json response with its code and hint. */
@Provider
public class TenantFleetExceptionMapper implements ExceptionMapper<TenantFleetException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(TenantFleetException e) {
        return ProblemDetail.of(e.code(), HttpStatusOfCode.of(e.code()), e.getMessage(), uriInfo.getRequestUri())
                .toResponse();
    }
}
