package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.http.LargeBody;
import dev.tenantfleet.service.security.Actor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Adopting databases that already exist: one, or an import of many (JSON array or CSV). Nothing is created. */
@Path("/api/tenants")
@Tag(name = "adoption")
public class AdoptionResource {
    /** CSV, as an import body. */
    public static final String TEXT_CSV = "text/csv";

    private final Adoption adoption;

    AdoptionResource(Adoption adoption) {
        this.adoption = adoption;
    }

    @POST
    @Path("/adopt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Register an existing database as a tenant: 201 registered, 200 already registered (nothing "
                            + "changed) or valid (dryRun=true: checked, nothing changed), 422 ADOPTION_REJECTED listing every problem")
    public Response adopt(
            AdoptionRequest request, @QueryParam("dryRun") boolean dryRun, @HeaderParam(Actor.HEADER) String actor) {
        if (request == null) {
            throw new TenantFleetException(
                    TenantErrorCode.INVALID_REQUEST,
                    "the body must be one adoption: {\"slug\", "
                            + "\"name\", \"server\", \"database\", \"username\", \"password\", \"status\", \"baselineTag\"}");
        }
        AdoptionResult result = adoption.adoptOne(request, dryRun, Actor.from(actor));
        return switch (result.outcome()) {
            case REGISTERED ->
                Response.created(URI.create("/api/tenants/" + result.slug()))
                        .entity(result)
                        .build();
            case ALREADY_REGISTERED ->
                Response.ok(result)
                        .location(URI.create("/api/tenants/" + result.slug()))
                        .build();
            case VALID -> Response.ok(result).build();
            case REJECTED -> throw new AdoptionRejectedException(result);
        };
    }

    @POST
    @Path("/import")
    @LargeBody
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Adopt many existing databases (a JSON array of adoptions): every row is validated first, "
                            + "then the valid ones are registered (dryRun=true: none); the report lists every row's outcome and problems")
    public ImportReport importJson(
            List<AdoptionRequest> rows,
            @QueryParam("baselineTag") String baselineTag,
            @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(Actor.HEADER) String actor) {
        if (rows == null) {
            throw new TenantFleetException(
                    TenantErrorCode.INVALID_REQUEST, "the body must be a JSON array of adoptions");
        }
        List<NumberedRequest> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(
                    rows.get(i) == null
                            ? new NumberedRequest(i + 1, null, "row " + (i + 1) + " is null")
                            : new NumberedRequest(i + 1, rows.get(i), null));
        }
        return adoption.adopt(numbered, baselineTag, dryRun, Actor.from(actor));
    }

    @POST
    @Path("/import")
    @LargeBody
    @Consumes(TEXT_CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Adopt many existing databases from CSV (header: slug,name,server,database,username,password,"
                    + "status,baseline_tag); same report as the JSON import")
    public ImportReport importCsv(
            String csv,
            @QueryParam("baselineTag") String baselineTag,
            @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(Actor.HEADER) String actor) {
        return adoption.adopt(AdoptionCsv.read(csv == null ? "" : csv), baselineTag, dryRun, Actor.from(actor));
    }
}
