package dev.tenantfleet.service.provisioning;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Which tenant-service instance runs a tenant's provisioning steps: a session-level advisory lock on the control
 * database, keyed by the tenant, held on a connection of its own while the steps run. Two replicas never run one
 * tenant's steps at once, and the lock dies with the session of a killed replica, so another one can carry on.
 */
@ApplicationScoped
class ProvisioningLock {
    private static final Logger LOG = Logger.getLogger(ProvisioningLock.class);
    /** First half of the two-key advisory lock (ASCII "TFPR"); the second is the tenant id's hash. */
    private static final int NAMESPACE = 0x54465052;

    private final AgroalDataSource dataSource;

    ProvisioningLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock on {@code tenantId}, or empty when another instance holds it. */
    Optional<Held> tryAcquire(UUID tenantId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (call(connection, "SELECT pg_try_advisory_lock(?, ?)", tenantId)) {
                return Optional.of(new Held(connection, tenantId));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException(
                    "cannot lock the provisioning of tenant " + tenantId + ": " + e.getMessage(), e);
        }
    }

    /** A held lock; closing it unlocks before the connection goes back to the pool (which keeps the session). */
    record Held(Connection connection, UUID tenantId) implements AutoCloseable {
        @Override
        public void close() {
            try {
                call(connection, "SELECT pg_advisory_unlock(?, ?)", tenantId);
                closeQuietly(connection);
            } catch (SQLException e) {
                // Never hand a session that may still hold the lock back to the pool: end it, and the lock with it.
                LOG.warnf(
                        "Could not unlock the provisioning of tenant %s, closing its session: %s",
                        tenantId, e.getMessage());
                abortQuietly(connection);
            }
        }
    }

    private static boolean call(Connection connection, String sql, UUID tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, tenantId.hashCode());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void abortQuietly(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            LOG.debugf("Aborting a provisioning lock connection failed: %s", e.getMessage());
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("Closing a provisioning lock connection failed: %s", e.getMessage());
        }
    }
}
