package dev.tenantfleet.service.keyrotation;

import dev.tenantfleet.service.security.Actor;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the stored tenant credentials. */
@Path("/api/credentials")
@Tag(name = "credentials")
public class CredentialResource {
    private final CredentialRotation rotation;

    CredentialResource(CredentialRotation rotation) {
        this.rotation = rotation;
    }

    @POST
    @Path("/re-encrypt")
    @Operation(summary = "Re-encrypt every tenant password with the primary (first) key of TENANTFLEET_KEYS")
    public ReencryptionResult reencrypt(@HeaderParam(Actor.HEADER) String actor) {
        return rotation.reencryptAll(Actor.from(actor));
    }
}
