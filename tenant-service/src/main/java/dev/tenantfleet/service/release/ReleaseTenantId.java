package dev.tenantfleet.service.release;

import java.io.Serializable;
import java.util.UUID;

/** Primary key of {@link ReleaseTenant}. */
public record ReleaseTenantId(UUID releaseId, UUID tenantId) implements Serializable {
    public ReleaseTenantId() {
        this(null, null);
    }
}
