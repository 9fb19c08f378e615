package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.service.fleet.FleetPlanner;
import dev.tenantfleet.service.fleet.PlanView;
import dev.tenantfleet.service.http.QueryParameters;
import dev.tenantfleet.service.security.Actor;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Fleet releases: start one, follow it, resume or roll it back, read its log. */
@Path("/api/releases")
@Tag(name = "releases")
public class ReleaseResource {
    private final ReleaseService releases;
    private final ReleaseOrchestrator orchestrator;
    private final FleetPlanner planner;

    ReleaseResource(ReleaseService releases, ReleaseOrchestrator orchestrator, FleetPlanner planner) {
        this.releases = releases;
        this.orchestrator = orchestrator;
        this.planner = planner;
    }

    @GET
    @Path("/plan")
    @Operation(
            summary = "Per tenant, what a release to the target would apply, with migration-safety warnings and drift")
    public PlanView plan(@QueryParam("target") String target, @QueryParam("only") String only) {
        return planner.plan(target, only == null || only.isBlank() ? List.of() : List.of(only.split(",")));
    }

    @POST
    @Operation(summary = "Start a release (202); a refused preflight answers 422 and is recorded as REFUSED")
    public Response start(@Valid @NotNull StartReleaseRequest request, @HeaderParam(Actor.HEADER) String actor) {
        UUID releaseId = request.releaseId() != null ? request.releaseId() : UUID.randomUUID();
        Release release = releases.start(releaseId, ReleaseSpecLimits.check(request.spec()), Actor.from(actor));
        if (release.status == ReleaseStatus.REFUSED) {
            throw new ReleaseRefusedException(releaseId, release.reason.replaceFirst("^release \\S+ refused: ", ""));
        }
        orchestrator.advance(releaseId);
        return accepted(releaseId);
    }

    @GET
    @Transactional
    @Operation(summary = "Recent releases, newest first, without their tenants")
    public List<ReleaseView> list(@QueryParam("limit") String limitParameter) {
        int limit = QueryParameters.intIn("limit", limitParameter, 20, 1, 200);
        List<Release> recent =
                Release.find("order by createdAt desc").page(0, limit).list();
        return recent.stream().map(release -> ReleaseView.of(release, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A release with every tenant's state, heads, applied changesets and error")
    public ReleaseView get(@PathParam("id") UUID id) {
        return ReleaseView.of(releases.get(id), true);
    }

    @GET
    @Path("/{id}/log")
    @Transactional
    @Operation(summary = "The release's append-only log: what it did to which tenant, in order")
    public List<ReleaseLogView> log(@PathParam("id") UUID id) {
        releases.get(id);
        List<ReleaseLogEntry> entries = ReleaseLogEntry.list("releaseId = ?1 order by id", id);
        return entries.stream().map(ReleaseLogView::of).toList();
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a HALTED or FAILED release: failed and not yet started tenants are migrated")
    public Response resume(@PathParam("id") UUID id, @HeaderParam(Actor.HEADER) String actor) {
        releases.resume(id, Actor.from(actor));
        orchestrator.advance(id);
        return accepted(id);
    }

    @POST
    @Path("/{id}/rollback")
    @Operation(summary = "Roll back every tenant the release migrated, newest first, to its pre-release head")
    public Response rollback(@PathParam("id") UUID id, @HeaderParam(Actor.HEADER) String actor) {
        releases.rollback(id, Actor.from(actor));
        orchestrator.advance(id);
        return accepted(id);
    }

    private Response accepted(UUID releaseId) {
        return Response.accepted(get(releaseId))
                .location(URI.create("/api/releases/" + releaseId))
                .build();
    }
}
