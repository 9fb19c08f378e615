package dev.tenantfleet.identity.failure;

import dev.tenantfleet.model.error.ErrorCode;

/** Why identity-consumer could not apply an event. Transient ones are retried, the others dead-lettered. */
public enum IdentityErrorCode implements ErrorCode {
    CONTROL_DB_UNAVAILABLE(
            true, "The control database did not answer; the event waits. Check CONTROL_DB_URL and the database."),
    TENANT_DB_UNAVAILABLE(
            true, "The tenant's database did not answer, refused the login or timed out; the event waits."),
    UNKNOWN_TENANT(
            false,
            "The control database has no tenant with this id; check the publisher, or register the tenant and replay the DLQ."),
    TENANT_CREDENTIALS(
            false, "The tenant's password could not be decrypted; add the key to TENANTFLEET_KEYS and replay the DLQ."),
    CLEANUP_FAILED(
            false,
            "A cleanup statement failed in the tenant's database; fix identity.cleanup.statements or the data, then replay the DLQ.");

    private final boolean retryable;
    private final String hint;

    IdentityErrorCode(boolean retryable, String hint) {
        this.retryable = retryable;
        this.hint = hint;
    }

    /** Whether the same event may succeed later without anyone changing anything. */
    public boolean retryable() {
        return retryable;
    }

    @Override
    public String hint() {
        return hint;
    }
}
