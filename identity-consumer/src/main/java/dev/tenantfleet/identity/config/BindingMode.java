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

    public BindingMode(IdentityConfig config,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.IDENTITY_EVENTS + ".queue.name") String identityQueue,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.IDENTITY_EVENTS + ".routing-keys") String identityKeys,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.TENANT_EVENTS + ".queue.name") String tenantQueue,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.TENANT_EVENTS + ".routing-keys") String tenantKeys) {
        String mode = config.tenantId().map(BindingMode::tenant).map(id -> "bound to tenant " + id).orElse("fleet-wide");
        LOG.infof("identity-consumer runs %s: identity events from %s (%s), tenant events from %s (%s)", mode,
                identityQueue, identityKeys, tenantQueue, tenantKeys);
    }

    private static UUID tenant(String tenantId) {
        try {
            return UUID.fromString(tenantId.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TENANT_ID must be a tenant id (UUID), got '" + tenantId + "'", e);
        }
    }
}
