package dev.tenantfleet.model.tenant;

import java.util.EnumSet;
import java.util.Set;

/**
 * A tenant's lifecycle: PROVISIONING -> ACTIVE <-> READ_ONLY <-> SUSPENDED -> DEACTIVATED, with
 * PROVISIONING_FAILED as the retryable dead end of provisioning.
 */
public enum TenantStatus {
    PROVISIONING,
    PROVISIONING_FAILED,
    ACTIVE,
    READ_ONLY,
    SUSPENDED,
    DEACTIVATED;

    /** Statuses an operator may set through the status endpoint (deactivation has its own). */
    public static final Set<TenantStatus> OPERATOR_SETTABLE = EnumSet.of(ACTIVE, READ_ONLY, SUSPENDED);

    /** Whether the lifecycle allows going from this status to {@code target}. */
    public boolean canMoveTo(TenantStatus target) {
        return allowedTargets().contains(target);
    }

    /** Every status reachable in one step from this one. */
    public Set<TenantStatus> allowedTargets() {
        return switch (this) {
            case PROVISIONING -> EnumSet.of(ACTIVE, PROVISIONING_FAILED);
            case PROVISIONING_FAILED -> EnumSet.of(PROVISIONING, DEACTIVATED);
            case ACTIVE -> EnumSet.of(READ_ONLY, SUSPENDED, DEACTIVATED);
            case READ_ONLY -> EnumSet.of(ACTIVE, SUSPENDED, DEACTIVATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, READ_ONLY, DEACTIVATED);
            case DEACTIVATED -> EnumSet.noneOf(TenantStatus.class);
        };
    }
}
