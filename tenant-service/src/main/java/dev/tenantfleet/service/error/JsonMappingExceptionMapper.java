package dev.tenantfleet.service.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.tenantfleet.model.error.TenantErrorCode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body Jackson read but could not turn into the request (a record's constructor refused the values, say): 400
 * naming the field. Shapes and types have their own mapper ({@link MismatchedInputExceptionMapper}).
 */
@Provider
public class JsonMappingExceptionMapper implements ExceptionMapper<JsonMappingException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonMappingException e) {
        return ProblemDetail.of(
                        TenantErrorCode.INVALID_REQUEST,
                        Response.Status.BAD_REQUEST,
                        JsonProblems.detail(e),
                        uriInfo.getRequestUri())
                .toResponse();
    }
}
