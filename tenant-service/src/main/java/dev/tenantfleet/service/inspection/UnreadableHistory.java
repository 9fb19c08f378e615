package dev.tenantfleet.service.inspection;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Why a tenant's history could not be read, as the error class a release fails the tenant with. */
final class UnreadableHistory {
    private UnreadableHistory() {}

    static MigrationError ofDecryption(String slug, RuntimeException e) {
        return new MigrationError(
                MigrationErrorCode.CREDENTIALS,
                "cannot read " + slug + ": its password cannot be decrypted: " + e.getMessage(),
                MigrationErrorCode.CREDENTIALS.hint(),
                null);
    }

    static MigrationError of(String slug, Exception e) {
        String message = "cannot read the Liquibase history of " + slug + ": " + e.getMessage();
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (state.startsWith("28")) {
            return new MigrationError(
                    MigrationErrorCode.CREDENTIALS, message, MigrationErrorCode.CREDENTIALS.hint(), null);
        }
        if (state.startsWith("08")
                || hasCause(e, ConnectException.class)
                || hasCause(e, SocketTimeoutException.class)
                || hasCause(e, UnknownHostException.class)) {
            return new MigrationError(
                    MigrationErrorCode.TRANSIENT_CONNECTIVITY,
                    message,
                    "The tenant database could not be reached; check its server, then resume the release or migrate "
                            + "the tenant again.",
                    null);
        }
        return new MigrationError(
                MigrationErrorCode.INTERNAL,
                message,
                "Check that the tenant's database exists and " + "its role can read it (SQLSTATE "
                        + (state.isEmpty() ? "none" : state) + ").",
                null);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
