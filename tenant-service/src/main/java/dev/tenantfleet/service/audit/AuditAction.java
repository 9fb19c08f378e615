package dev.tenantfleet.service.audit;

/** What was done to a tenant. */
public enum AuditAction {
    REGISTERED,
    PROVISIONING_STEP_COMPLETED,
    PROVISIONING_FAILED,
    PROVISIONING_RETRIED,
    PROVISIONED,
    STATUS_CHANGED,
    DEACTIVATED,
    CREDENTIALS_REENCRYPTED,
    /** An existing database was registered as a tenant (adoption): nothing was created or migrated. */
    ADOPTED
}
