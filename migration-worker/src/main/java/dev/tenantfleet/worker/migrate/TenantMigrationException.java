package dev.tenantfleet.worker.migrate;

import java.util.List;

/**
 * Liquibase failed on a tenant database; carries what did commit before the failure.
 */
public class TenantMigrationException extends Exception {
    private final String changeSet;
    private final String headAfter;
    private final transient List<String> applied;

    /**
     * @param cause     what Liquibase threw
     * @param changeSet the changeset that was running ({@code path::id::author}), or null
     * @param headAfter the tenant's head tag after the failure, or null when unknown or untagged
     * @param applied   changesets committed by this run before the failure
     */
    public TenantMigrationException(Throwable cause, String changeSet, String headAfter, List<String> applied) {
        super(cause.getMessage(), cause);
        this.changeSet = changeSet;
        this.headAfter = headAfter;
        this.applied = List.copyOf(applied);
    }

    public String changeSet() {
        return changeSet;
    }

    public String headAfter() {
        return headAfter;
    }

    public List<String> applied() {
        return applied;
    }
}
