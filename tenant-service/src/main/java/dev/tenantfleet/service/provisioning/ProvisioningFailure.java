package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.tenant.ProvisioningStep;

/** A provisioning step failed; carries the step so the failure (and a retry) knows where it stopped. */
public class ProvisioningFailure extends TenantFleetException {
    private final ProvisioningStep step;

    public ProvisioningFailure(ProvisioningStep step, TenantErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
        this.step = step;
    }

    /** The step that failed. */
    public ProvisioningStep step() {
        return step;
    }
}
