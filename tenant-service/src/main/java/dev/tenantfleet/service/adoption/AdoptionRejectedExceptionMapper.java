package dev.tenantfleet.service.adoption;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tenantfleet.service.error.ProblemDetail;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;

/**
 * A rejected adoption as RFC 9457 problem+json (422, code ADOPTION_REJECTED) with one more extension, {@code problems}:
 * every problem of the row, each with its own code, field and hint, so a client can show them all at once.
 */
@Provider
public class AdoptionRejectedExceptionMapper implements ExceptionMapper<AdoptionRejectedException> {
    @Context
    UriInfo uriInfo;

    /** The problem body: the standard members, {@code code}, {@code hint} and the row's {@code problems}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdoptionProblem(
            URI type,
            String title,
            int status,
            String detail,
            URI instance,
            String code,
            String hint,
            List<RowProblem> problems) {}

    @Override
    public Response toResponse(AdoptionRejectedException e) {
        ProblemDetail problem = ProblemDetail.of(e.code(), 422, e.getMessage(), uriInfo.getRequestUri());
        return Response.status(422)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(new AdoptionProblem(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        problem.instance(),
                        problem.code(),
                        problem.hint(),
                        e.result().problems()))
                .build();
    }
}
