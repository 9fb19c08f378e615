package dev.tenantfleet.service.release;

import dev.tenantfleet.model.error.ReleaseErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import java.util.UUID;

/** The preflight refused a release; nothing was touched. The refused release is recorded with this reason. */
public class ReleaseRefusedException extends TenantFleetException {
    private final UUID releaseId;

    public ReleaseRefusedException(UUID releaseId, String reason) {
        super(ReleaseErrorCode.RELEASE_REFUSED, "release " + releaseId + " refused: " + reason);
        this.releaseId = releaseId;
    }

    /** The refused release, recorded with status REFUSED. */
    public UUID releaseId() {
        return releaseId;
    }
}
