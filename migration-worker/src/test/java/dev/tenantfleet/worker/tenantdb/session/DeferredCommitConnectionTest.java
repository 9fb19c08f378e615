package dev.tenantfleet.worker.tenantdb.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.worker.support.TenantDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection Liquibase gets, against a real tenant database. */
class DeferredCommitConnectionTest {
    private TenantDatabase db;
    private Connection real;
    private DeferredCommitConnection deferred;

    @BeforeEach
    void connect() throws Exception {
        db = TenantDatabase.create();
        real = db.owner();
        deferred = new DeferredCommitConnection(real);
    }

    @AfterEach
    void drop() throws Exception {
        real.close();
        db.close();
    }

    @Test
    void commitsAndAutoCommitInsideTheTransactionAreDeferredUntilTheRealCommit() throws Exception {
        deferred.begin();
        Connection liquibase = deferred.connection();
        execute(liquibase, "CREATE TABLE t (id int)");
        liquibase.commit();
        liquibase.setAutoCommit(true);

        assertThat(liquibase.getAutoCommit()).isFalse();
        assertThat(db.tables()).as("seen from another session").isEmpty();

        deferred.commit();

        assertThat(db.tables()).containsExactly("t");
        assertThat(real.getAutoCommit()).isTrue();
    }

    @Test
    void liquibasesRollbackGoesBackToItsLastCommitAndTheRealRollbackUndoesEverything() throws Exception {
        execute(real, "CREATE TABLE t (id int PRIMARY KEY)");
        deferred.begin();
        Connection liquibase = deferred.connection();
        execute(liquibase, "INSERT INTO t VALUES (1)");
        liquibase.commit();
        execute(liquibase, "INSERT INTO t VALUES (2)");
        liquibase.rollback();
        assertThatThrownBy(() -> execute(liquibase, "INSERT INTO t VALUES (1)")).isInstanceOf(SQLException.class);
        // A failed statement aborts the transaction; rolling back to the savepoint makes it usable again.
        liquibase.rollback();
        execute(liquibase, "INSERT INTO t VALUES (3)");
        assertThat(count(real)).isEqualTo(2);

        deferred.rollback();

        assertThat(count(real)).isZero();
        assertThat(real.getAutoCommit()).isTrue();
    }

    @Test
    void aPoisonedConnectionRefusesNewStatementsAndLiquibaseCannotCloseTheSession() throws Exception {
        deferred.poison(new SQLException("the per-tenant timeout of 1 s expired", "57014"));
        Connection liquibase = deferred.connection();

        assertThatThrownBy(liquibase::createStatement)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("timeout")
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("57014");
        assertThatThrownBy(() -> liquibase.prepareStatement("SELECT 1")).isInstanceOf(SQLException.class);
        liquibase.close();
        assertThat(real.isClosed()).isFalse();
        execute(real, "SELECT 1");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
