package dev.tenantfleet.model.migration;

import java.time.Instant;

/**
 * A database session that held a lock the migration waited for, as pg_stat_activity showed it when the
 * timeout fired.
 *
 * @param pid             backend process id
 * @param user            role of the session
 * @param applicationName its application_name
 * @param state           active, idle in transaction, ...
 * @param query           its current or last statement (truncated to 500 characters)
 * @param transactionStart when its transaction began; null outside a transaction
 */
public record BlockingSession(
        int pid, String user, String applicationName, String state, String query, Instant transactionStart) {}
