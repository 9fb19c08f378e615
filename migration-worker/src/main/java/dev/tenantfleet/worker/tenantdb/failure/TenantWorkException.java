package dev.tenantfleet.worker.tenantdb.failure;

import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.migration.MigrationError;
import java.util.List;

/**
 * Work on a tenant database failed; carries the classified error and where the tenant stands afterwards, so the
 * result can report it truthfully.
 */
public class TenantWorkException extends TenantFleetException {
    private final transient MigrationError error;
    private final String headAfter;
    private final transient List<String> applied;

    /**
     * @param error     the classified error
     * @param headAfter the tenant's head tag after the failure, null when none or unknown
     * @param applied   changesets this run committed (or rolled back, for rollbacks) before the failure
     * @param cause     what was thrown, or null
     */
    public TenantWorkException(MigrationError error, String headAfter, List<String> applied, Throwable cause) {
        super(error.code(), error.message(), cause);
        this.error = error;
        this.headAfter = headAfter;
        this.applied = List.copyOf(applied);
    }

    /** A failure before anything was changed, with the tenant at {@code head}. */
    public static TenantWorkException refused(MigrationError error, String head) {
        return new TenantWorkException(error, head, List.of(), null);
    }

    /** Classifies {@code failure}; nothing known about the tenant's state. */
    public static TenantWorkException classified(Throwable failure) {
        return new TenantWorkException(MigrationErrorClassifier.classify(failure, null), null, List.of(), failure);
    }

    public MigrationError error() {
        return error;
    }

    public String headAfter() {
        return headAfter;
    }

    public List<String> applied() {
        return applied;
    }
}
