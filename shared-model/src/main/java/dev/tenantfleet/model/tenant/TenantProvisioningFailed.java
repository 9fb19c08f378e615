package dev.tenantfleet.model.tenant;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.error.TenantErrorCode;
import java.util.UUID;

/**
 * Provisioning stopped at {@code step}; {@code POST /api/tenants/{slug}/provision} resumes from there.
 *
 * @param step      the provisioning step that failed
 * @param errorCode the classified error
 * @param reason    what went wrong, never containing a credential
 */
public record TenantProvisioningFailed(
        UUID tenantId, String slug, String step, TenantErrorCode errorCode, String reason) implements TenantEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.tenant.provisioning-failed.v1";

    public TenantProvisioningFailed {
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(step, "step");
        field(errorCode, "errorCode");
        field(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "provisioning-failed";
    }
}
