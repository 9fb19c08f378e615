package dev.tenantfleet.worker.tenantdb.failure;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.migration.MigrationError;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.exception.ValidationFailedException;

/**
 * Turns what went wrong during a tenant migration into a {@link MigrationError} with an actionable hint.
 * <ul>
 * <li>SQLState class 08 (connection exception) or a socket-level failure: {@code TRANSIENT_CONNECTIVITY} (retried first)</li>
 * <li>28P01 / 28000, or a password that cannot be decrypted: {@code CREDENTIALS}</li>
 * <li>42P07, 42701, 42710, 42723 (object already exists) or a Liquibase checksum validation failure: {@code SCHEMA_DRIFT}</li>
 * <li>57014 (statement cancelled by a timeout): {@code TIMEOUT}</li>
 * <li>3D000 (the tenant database does not exist): {@code INTERNAL}, a misconfiguration no other code describes</li>
 * <li>any other SQL error: {@code CHANGESET_SQL_ERROR}, naming the changeset</li>
 * <li>anything else: {@code INTERNAL}</li>
 * </ul>
 * Messages come from the database or Liquibase; no credential is ever part of them.
 */
public final class MigrationErrorClassifier {
    /** Longest message put in a result; the worker log has the whole story. */
    static final int MAX_MESSAGE_LENGTH = 1000;

    private static final Set<String> CREDENTIAL_STATES = Set.of("28P01", "28000");
    private static final Set<String> DUPLICATE_OBJECT_STATES = Set.of("42P07", "42701", "42710", "42723");
    private static final String QUERY_CANCELED = "57014";
    private static final String DATABASE_MISSING = "3D000";
    private static final Pattern MISSING_DATABASE_NAME = Pattern.compile("database \"([^\"]+)\" does not exist");

    private MigrationErrorClassifier() {}

    /**
     * Classifies {@code failure}.
     *
     * @param failure   what was thrown
     * @param changeSet the changeset that was running ({@code path::id::author}), or null
     */
    public static MigrationError classify(Throwable failure, String changeSet) {
        ValidationFailedException validation = find(failure, ValidationFailedException.class);
        if (validation != null) {
            if (!validation.getInvalidMD5Sums().isEmpty()) {
                return error(
                        MigrationErrorCode.SCHEMA_DRIFT,
                        "changesets already applied to this tenant were changed " + "afterwards (checksum mismatch): "
                                + String.join(", ", validation.getInvalidMD5Sums()),
                        changeSet);
            }
            return error(
                    MigrationErrorCode.INTERNAL,
                    "the changelog failed validation: " + validation.getMessage(),
                    changeSet);
        }
        SQLException sql = sqlExceptionWithState(failure);
        if (isCredentialFailure(failure)) {
            return error(MigrationErrorCode.CREDENTIALS, sql != null ? sqlMessage(sql) : describe(failure), null);
        }
        if (sql != null) {
            String state = sql.getSQLState();
            String message = sqlMessage(sql);
            if (DATABASE_MISSING.equals(state)) {
                return error(MigrationErrorCode.INTERNAL, missingDatabase(sql), null);
            }
            if (state.startsWith("08")) {
                return error(MigrationErrorCode.TRANSIENT_CONNECTIVITY, message, changeSet);
            }
            if (DUPLICATE_OBJECT_STATES.contains(state)) {
                return error(MigrationErrorCode.SCHEMA_DRIFT, inChangeSet(changeSet, message), changeSet);
            }
            if (QUERY_CANCELED.equals(state)) {
                return error(MigrationErrorCode.TIMEOUT, inChangeSet(changeSet, message), changeSet);
            }
            return error(MigrationErrorCode.CHANGESET_SQL_ERROR, inChangeSet(changeSet, message), changeSet);
        }
        if (isSocketFailure(failure)) {
            return error(MigrationErrorCode.TRANSIENT_CONNECTIVITY, describe(failure), changeSet);
        }
        return error(MigrationErrorCode.INTERNAL, describe(failure), changeSet);
    }

    /** Whether {@code failure} is a connectivity problem worth retrying with backoff. */
    public static boolean isTransientConnectivity(Throwable failure) {
        if (find(failure, ValidationFailedException.class) != null || isCredentialFailure(failure)) {
            return false;
        }
        SQLException sql = sqlExceptionWithState(failure);
        if (sql != null) {
            return sql.getSQLState().startsWith("08");
        }
        return isSocketFailure(failure);
    }

    private static boolean isCredentialFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof TenantFleetException e && e.code() == TenantErrorCode.UNKNOWN_ENCRYPTION_KEY) {
                return true;
            }
            if (t instanceof GeneralSecurityException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && CREDENTIAL_STATES.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSocketFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static SQLException sqlExceptionWithState(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && !s.getSQLState().isBlank()) {
                return s;
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        return cause == t ? null : cause;
    }

    private static String sqlMessage(SQLException sql) {
        String message = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage();
        return message + " (SQLState " + sql.getSQLState() + ")";
    }

    private static String missingDatabase(SQLException sql) {
        Matcher name = MISSING_DATABASE_NAME.matcher(String.valueOf(sql.getMessage()));
        return "tenant database " + (name.find() ? name.group(1) + " " : "") + "does not exist (SQLState 3D000): "
                + "it was never provisioned on this server or has been dropped";
    }

    private static String inChangeSet(String changeSet, String message) {
        return changeSet == null ? message : "changeset " + changeSet + " failed: " + message;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t.getMessage() != null) {
                root = t;
            }
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getName() : message;
    }

    private static MigrationError error(MigrationErrorCode code, String message, String changeSet) {
        String text = message == null || message.isBlank() ? code.name() : message.strip();
        if (text.length() > MAX_MESSAGE_LENGTH) {
            text = text.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
        }
        return new MigrationError(code, text, code.hint(), changeSet);
    }
}
