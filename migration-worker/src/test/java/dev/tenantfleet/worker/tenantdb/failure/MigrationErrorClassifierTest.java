package dev.tenantfleet.worker.tenantdb.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.migration.MigrationError;
import java.net.ConnectException;
import java.sql.SQLException;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.visitor.ValidatingVisitor;
import liquibase.exception.CommandExecutionException;
import liquibase.exception.DatabaseException;
import liquibase.exception.MigrationFailedException;
import liquibase.exception.ValidationFailedException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class MigrationErrorClassifierTest {
    private static final String CHANGESET = "crm-changelog/releases/v1.1.xml::v1.1-003-create-deals::tenant-fleet";

    @Test
    void connectionFailuresAreTransientConnectivityAndRetried() {
        PSQLException refused = new PSQLException(
                "Connection to 10.0.0.9:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));

        MigrationError error = MigrationErrorClassifier.classify(refused, null);

        assertThat(error.code()).isEqualTo(MigrationErrorCode.TRANSIENT_CONNECTIVITY);
        assertThat(error.message()).contains("refused").contains("08001");
        assertThat(error.hint()).isEqualTo(MigrationErrorCode.TRANSIENT_CONNECTIVITY.hint());
        assertThat(MigrationErrorClassifier.isTransientConnectivity(refused)).isTrue();
        assertThat(MigrationErrorClassifier.isTransientConnectivity(inLiquibase(new SQLException("gone", "08006"))))
                .isTrue();
        assertThat(MigrationErrorClassifier.classify(new ConnectException("Connection refused"), null)
                        .code())
                .isEqualTo(MigrationErrorCode.TRANSIENT_CONNECTIVITY);
    }

    @Test
    void refusedPasswordsUnknownRolesAndUndecryptableSecretsAreCredentials() {
        SQLException badPassword =
                new PSQLException("FATAL: password authentication failed for user \"t\"", PSQLState.INVALID_PASSWORD);
        SQLException unknownRole = new SQLException("FATAL: role \"t\" does not exist", "28000");
        TenantFleetException undecryptable = new TenantFleetException(
                TenantErrorCode.UNKNOWN_ENCRYPTION_KEY, "credential with key 'k1' failed authentication");

        assertThat(MigrationErrorClassifier.classify(badPassword, null).code())
                .isEqualTo(MigrationErrorCode.CREDENTIALS);
        assertThat(MigrationErrorClassifier.classify(unknownRole, null).code())
                .isEqualTo(MigrationErrorCode.CREDENTIALS);
        assertThat(MigrationErrorClassifier.classify(undecryptable, null).code())
                .isEqualTo(MigrationErrorCode.CREDENTIALS);
        assertThat(MigrationErrorClassifier.isTransientConnectivity(badPassword))
                .isFalse();
    }

    @Test
    void objectsThatAlreadyExistAreSchemaDriftNamingTheChangeset() {
        for (String state : new String[] {"42P07", "42701", "42710", "42723"}) {
            MigrationError error = MigrationErrorClassifier.classify(
                    inLiquibase(new SQLException("ERROR: relation \"deals\" already exists", state)), CHANGESET);

            assertThat(error.code()).as(state).isEqualTo(MigrationErrorCode.SCHEMA_DRIFT);
            assertThat(error.changeSet()).isEqualTo(CHANGESET);
            assertThat(error.message()).contains(CHANGESET).contains("already exists");
        }
    }

    @Test
    void aChangedChecksumIsSchemaDrift() {
        ValidatingVisitor visitor = new ValidatingVisitor();
        visitor.getInvalidMD5Sums().add(CHANGESET + " was: 9:aaa but is now: 9:bbb");

        MigrationError error = MigrationErrorClassifier.classify(
                new CommandExecutionException(new ValidationFailedException(visitor)), null);

        assertThat(error.code()).isEqualTo(MigrationErrorCode.SCHEMA_DRIFT);
        assertThat(error.message()).contains("checksum").contains(CHANGESET);
    }

    @Test
    void aCancelledStatementIsTimeout() {
        MigrationError error = MigrationErrorClassifier.classify(
                inLiquibase(new PSQLException(
                        "ERROR: canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)),
                CHANGESET);

        assertThat(error.code()).isEqualTo(MigrationErrorCode.TIMEOUT);
        assertThat(error.changeSet()).isEqualTo(CHANGESET);
    }

    @Test
    void otherSqlErrorsAreChangesetSqlErrorsNamingTheChangeset() {
        MigrationError error = MigrationErrorClassifier.classify(
                inLiquibase(new SQLException("ERROR: duplicate key value violates unique constraint", "23505")),
                CHANGESET);

        assertThat(error.code()).isEqualTo(MigrationErrorCode.CHANGESET_SQL_ERROR);
        assertThat(error.changeSet()).isEqualTo(CHANGESET);
        assertThat(error.message())
                .startsWith("changeset " + CHANGESET + " failed:")
                .contains("23505");
        assertThat(MigrationErrorClassifier.isTransientConnectivity(inLiquibase(new SQLException("x", "23505"))))
                .isFalse();
    }

    @Test
    void aTenantDatabaseThatDoesNotExistIsAnInternalMisconfigurationNamingTheDatabaseAndIsNotRetried() {
        SQLException missing = new SQLException("FATAL: database \"tf_gone\" does not exist", "3D000");

        MigrationError error = MigrationErrorClassifier.classify(missing, null);

        assertThat(missing.getSQLState()).isEqualTo("3D000");
        assertThat(error.code()).isEqualTo(MigrationErrorCode.INTERNAL);
        assertThat(error.message())
                .startsWith("tenant database tf_gone does not exist")
                .contains("3D000");
        assertThat(MigrationErrorClassifier.isTransientConnectivity(missing)).isFalse();
    }

    @Test
    void anythingElseIsInternalAndMessagesAreBounded() {
        MigrationError error = MigrationErrorClassifier.classify(new IllegalStateException("x".repeat(5000)), null);

        assertThat(error.code()).isEqualTo(MigrationErrorCode.INTERNAL);
        assertThat(error.message())
                .hasSize(MigrationErrorClassifier.MAX_MESSAGE_LENGTH)
                .endsWith("...");
        assertThat(error.hint()).isEqualTo(MigrationErrorCode.INTERNAL.hint());
        assertThat(MigrationErrorClassifier.classify(new NullPointerException(), null)
                        .message())
                .isEqualTo("java.lang.NullPointerException");
    }

    /** The way Liquibase wraps a JDBC failure of a changeset. */
    private static Exception inLiquibase(SQLException sql) {
        ChangeSet changeSet = new ChangeSet(
                "v1.1-003-create-deals",
                "tenant-fleet",
                false,
                false,
                "crm-changelog/releases/v1.1.xml",
                null,
                null,
                null);
        return new CommandExecutionException(new MigrationFailedException(changeSet, new DatabaseException(sql)));
    }
}
