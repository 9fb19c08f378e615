package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.error.MigrationErrorCode;

/**
 * A classified migration failure.
 *
 * @param code      the class of error
 * @param message   what happened (from the database or Liquibase, never containing a credential)
 * @param hint      what to do about it
 * @param changeSet the changeset that failed, when one did
 */
public record MigrationError(MigrationErrorCode code, String message, String hint, String changeSet) {
    public MigrationError {
        field(code, "code");
        field(message, "message");
        field(hint, "hint");
    }
}
