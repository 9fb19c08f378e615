package dev.tenantfleet.service.server;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves a server's credentials reference {@code ref} to {@code tenantfleet.server-credentials.<ref>.username}
 * and {@code .password} (env: {@code TENANTFLEET_SERVER_CREDENTIALS_<REF>_USERNAME}/{@code _PASSWORD}), so
 * admin passwords live in the secret store, not in the control database.
 */
@ApplicationScoped
public class AdminCredentialsResolver {
    private final TenantFleetConfig config;

    AdminCredentialsResolver(TenantFleetConfig config) {
        this.config = config;
    }

    /** The credentials {@code ref} names, or DATABASE_SERVER_CREDENTIALS when none are configured. */
    public AdminCredentials resolve(String ref) {
        TenantFleetConfig.ServerCredentials credentials =
                config.serverCredentials().get(ref);
        if (credentials == null) {
            throw new TenantFleetException(
                    TenantErrorCode.DATABASE_SERVER_CREDENTIALS,
                    "no admin credentials configured for reference '" + ref + "' (tenantfleet.server-credentials." + ref
                            + ".username/password)");
        }
        return new AdminCredentials(
                credentials.username(), credentials.password().orElse(""));
    }
}
