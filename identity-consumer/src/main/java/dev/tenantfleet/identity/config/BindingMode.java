package dev.tenantfleet.identity.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at startup which binding mode the consumer runs in, and refuses a {@code TENANT_ID} that is not a tenant id
 * (the queue and the bindings are derived from it in {@code application.properties}).
 */
@Startup
@ApplicationScoped
public class BindingMode {
    private static final Logger LOG = Logger.getLogger(BindingMode.class);

    public BindingMode(
            IdentityConfig config,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.IDENTITY_EVENTS + ".queue.name")
                    String identityQueue,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.IDENTITY_EVENTS + ".routing-keys")
                    String identityKeys,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.TENANT_EVENTS + ".queue.name")
                    String tenantQueue,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.TENANT_EVENTS + ".routing-keys")
                    String tenantKeys) {
        String mode = config.tenantId()
                .map(BindingMode::tenant)
                .map(id -> "bound to tenant " + id)
                .orElse("fleet-wide");
        LOG.infof(
                "identity-consumer runs %s: identity events from %s (%s), tenant events from %s (%s)",
                mode, identityQueue, identityKeys, tenantQueue, tenantKeys);
    }

    /**
     * The tenant {@code TENANT_ID} names. Refused unless it is written exactly as tenant-service writes tenant ids
     * (lower case, no spaces): the queue and the routing keys are derived from the raw text, and an upper-case id
     * would bind keys no event is ever published with, so the caches would go stale without a single error.
     */
    static UUID tenant(String tenantId) {
        UUID id;
        try {
            id = UUID.fromString(tenantId.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TENANT_ID must be a tenant id (UUID), got '" + tenantId + "'", e);
        }
        if (!id.toString().equals(tenantId)) {
            throw new IllegalStateException("TENANT_ID must be written as tenant-service writes tenant ids, in lower "
                    + "case and without spaces: set TENANT_ID=" + id + " (got '" + tenantId + "'); the queue and its "
                    + "routing keys are derived from it, and events are published with the lower-case id");
        }
        return id;
    }
}
