package dev.tenantfleet.service.error;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tenantfleet.model.error.TenantErrorCode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body of the wrong shape or types (an array for an object, a number for a string, an unknown enum value): 400
 * naming the field. Replaces Quarkus's built-in mapper of this exception, which answers without a problem body.
 */
@Provider
public class MismatchedInputExceptionMapper implements ExceptionMapper<MismatchedInputException> {
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(MismatchedInputException e) {
        return ProblemDetail.of(
                        TenantErrorCode.INVALID_REQUEST,
                        Response.Status.BAD_REQUEST,
                        JsonProblems.detail(e),
                        uriInfo.getRequestUri())
                .toResponse();
    }
}
