package dev.tenantfleet.model.error;

import java.util.Objects;

/** Base of every Tenant Fleet exception: unchecked, and always carries an {@link ErrorCode}. */
public class TenantFleetException extends RuntimeException {
    private final transient ErrorCode code;

    public TenantFleetException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public TenantFleetException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The classified error. */
    public ErrorCode code() {
        return code;
    }
}
