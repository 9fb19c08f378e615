package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.error.MigrationErrorCode;
import java.util.List;

/**
 * A classified migration failure.
 *
 * @param code      the class of error
 * @param message   what happened (from the database or Liquibase, never containing a credential)
 * @param hint      what to do about it
 * @param changeSet the changeset that failed, when one did
 * @param blockingSessions for TIMEOUT: the sessions that blocked the migration (from pg_stat_activity), else empty
 */
public record MigrationError(
        MigrationErrorCode code,
        String message,
        String hint,
        String changeSet,
        List<BlockingSession> blockingSessions) {
    public MigrationError {
        field(code, "code");
        field(message, "message");
        field(hint, "hint");
        blockingSessions = blockingSessions == null ? List.of() : List.copyOf(blockingSessions);
    }

    /** An error without blocking sessions. */
    public MigrationError(MigrationErrorCode code, String message, String hint, String changeSet) {
        this(code, message, hint, changeSet, List.of());
    }
}
