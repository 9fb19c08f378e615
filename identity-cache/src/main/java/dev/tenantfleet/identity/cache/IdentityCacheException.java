package dev.tenantfleet.identity.cache;

import dev.tenantfleet.model.error.TenantFleetException;

/** An identity-cache operation failed; {@link #code()} says whether retrying can help. */
public class IdentityCacheException extends TenantFleetException {

    public IdentityCacheException(IdentityCacheErrorCode code, String message) {
        super(code, message);
    }

    public IdentityCacheException(IdentityCacheErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public IdentityCacheErrorCode code() {
        return (IdentityCacheErrorCode) super.code();
    }

    /** Whether the same call may succeed later (Redis down or busy), as opposed to a bug or bad data. */
    public boolean isTransient() {
        return code() == IdentityCacheErrorCode.REDIS_UNAVAILABLE;
    }
}
