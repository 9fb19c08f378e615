package dev.tenantfleet.model.error;

/** Errors of fleet releases as a whole (per-tenant failures are {@link MigrationErrorCode}s). */
public enum ReleaseErrorCode implements ErrorCode {
    RELEASE_REFUSED("The preflight refused the release before touching any tenant; the message says why."),
    RELEASE_NOT_FOUND("Check the release id; GET /api/releases lists recent releases."),
    RELEASE_NOT_RESUMABLE("Only HALTED or FAILED releases can be resumed, and only finished ones rolled back."),
    RELEASE_IN_PROGRESS("One release at a time: wait until the release the message names has finished "
            + "(tenantctl release status ID), then resume or roll back this one.");

    private final String hint;

    ReleaseErrorCode(String hint) {
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
