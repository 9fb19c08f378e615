package dev.tenantfleet.identity.cache;

/** What the tenant status mirror says about writes to a tenant. */
public enum Writability {
    /** The tenant is ACTIVE. */
    WRITABLE,
    /** The tenant is READ_ONLY, SUSPENDED, DEACTIVATED or not provisioned: reject writes. */
    NOT_WRITABLE,
    /** The mirror has no (readable) status for the tenant: ask the control plane. */
    UNKNOWN
}
