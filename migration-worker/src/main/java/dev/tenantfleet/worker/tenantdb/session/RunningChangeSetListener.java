package dev.tenantfleet.worker.tenantdb.session;

import dev.tenantfleet.changelog.ChangeSetInfo;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/** Remembers which changeset Liquibase was running (or rolling back) when it failed or was cancelled. */
public final class RunningChangeSetListener extends AbstractChangeExecListener {
    private volatile String running;
    private volatile String failed;

    @Override
    public void willRun(
            ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.RunStatus status) {
        running = key(changeSet);
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
        running = null;
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
        failed = key(changeSet);
    }

    @Override
    public void willRollback(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        running = key(changeSet);
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        running = null;
    }

    @Override
    public void rollbackFailed(
            ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
        failed = key(changeSet);
    }

    /** The changeset that failed, else the one still running, else null ({@code path::id::author}). */
    public String changeSet() {
        return failed != null ? failed : running;
    }

    private static String key(ChangeSet changeSet) {
        return ChangeSetInfo.key(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor());
    }
}
