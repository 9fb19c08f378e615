package dev.tenantfleet.identity.failure;

import dev.tenantfleet.model.error.TenantFleetException;

/** An event could not be applied: retried when {@link IdentityErrorCode#retryable()}, otherwise dead-lettered. */
public class IdentityConsumerException extends TenantFleetException {

    public IdentityConsumerException(IdentityErrorCode code, String message) {
        super(code, message);
    }

    public IdentityConsumerException(IdentityErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public IdentityErrorCode code() {
        return (IdentityErrorCode) super.code();
    }
}
