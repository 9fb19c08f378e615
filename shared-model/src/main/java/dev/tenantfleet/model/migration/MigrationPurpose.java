package dev.tenantfleet.model.migration;

/** Why a tenant is being migrated; tells the result's consumer which workflow continues. */
public enum MigrationPurpose {
    /** First migration of a freshly created tenant database, to the changelog head. */
    PROVISIONING,
    /** Part of a fleet release to a target tag. */
    RELEASE
}
