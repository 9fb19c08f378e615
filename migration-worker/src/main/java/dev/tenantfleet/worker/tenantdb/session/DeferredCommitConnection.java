package dev.tenantfleet.worker.tenantdb.session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Set;

/**
 * The tenant connection as Liquibase sees it, so that a whole release commits as ONE transaction although Liquibase
 * commits after every changeset (and its DATABASECHANGELOG and lock-table writes).
 * <p>
 * Between {@link #begin()} and {@link #commit()}/{@link #rollback()}, Liquibase's {@code commit()} only moves a
 * savepoint, its {@code rollback()} goes back to that savepoint, and {@code setAutoCommit(true)} (which would commit)
 * is ignored: exactly the per-changeset semantics Liquibase expects (it rolls back before every changeset, and after a
 * failed one), inside one real transaction that this class alone commits or rolls back. Outside a transaction calls
 * pass through. {@code close()} never reaches the real connection: the tenant session owns it.
 * <p>
 * Once {@link #poison poisoned} (the per-tenant timeout fired), every new statement and commit fails with the given
 * error, so Liquibase stops at its next step even if the server-side cancel met an idle backend.
 */
public final class DeferredCommitConnection implements InvocationHandler {
    private static final Set<String> POISONED =
            Set.of("createStatement", "prepareStatement", "prepareCall", "commit", "setSavepoint", "releaseSavepoint");

    private final Connection target;
    private final Connection proxy;
    private Savepoint savepoint;
    private volatile SQLException poison;

    public DeferredCommitConnection(Connection target) {
        this.target = target;
        this.proxy = (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this);
    }

    /** The connection to give Liquibase. */
    public Connection connection() {
        return proxy;
    }

    /** Opens the one transaction; from now on Liquibase's commits are deferred. */
    public void begin() throws SQLException {
        target.setAutoCommit(false);
        savepoint = target.setSavepoint();
    }

    /** Really commits everything since {@link #begin()}; back to auto-commit. */
    public void commit() throws SQLException {
        savepoint = null;
        target.commit();
        target.setAutoCommit(true);
    }

    /** Rolls back everything since {@link #begin()} (harmless when nothing is open); back to auto-commit. */
    public void rollback() throws SQLException {
        savepoint = null;
        if (!target.getAutoCommit()) {
            target.rollback();
            target.setAutoCommit(true);
        }
    }

    /** From now on Liquibase's statements and commits fail with {@code reason}. */
    public void poison(SQLException reason) {
        this.poison = reason;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "DeferredCommitConnection[" + target + "]";
            case "close":
                return null;
            default:
                break;
        }
        SQLException reason = poison;
        if (reason != null && POISONED.contains(name)) {
            throw new SQLException(reason.getMessage(), reason.getSQLState());
        }
        if (savepoint != null) {
            switch (name) {
                case "commit":
                    // RELEASE first: releasing a savepoint also releases every later one.
                    target.releaseSavepoint(savepoint);
                    savepoint = target.setSavepoint();
                    return null;
                case "rollback":
                    if (args == null || args.length == 0) {
                        target.rollback(savepoint);
                        return null;
                    }
                    break;
                case "setAutoCommit":
                    if (Boolean.TRUE.equals(args[0])) {
                        return null;
                    }
                    break;
                case "getAutoCommit":
                    return false;
                default:
                    break;
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
