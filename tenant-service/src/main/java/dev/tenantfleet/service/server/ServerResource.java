package dev.tenantfleet.service.server;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Database servers that hold tenant databases. */
@Path("/api/servers")
@Tag(name = "servers")
public class ServerResource {
    private final ServerRegistry registry;

    ServerResource(ServerRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "List database servers")
    public List<ServerView> list() {
        return registry.list().stream().map(ServerView::of).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get one database server")
    public ServerView get(@PathParam("name") String name) {
        return ServerView.of(registry.get(name));
    }

    @POST
    @Operation(summary = "Register a database server")
    public Response register(@Valid @NotNull ServerRequest request) {
        DatabaseServer server = registry.register(request);
        return Response.created(URI.create("/api/servers/" + server.name))
                .entity(ServerView.of(server))
                .build();
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Change host, port, credentials reference or concurrency cap of a server")
    public ServerView update(@PathParam("name") String name, @Valid @NotNull ServerRequest request) {
        return ServerView.of(registry.update(name, request));
    }
}
