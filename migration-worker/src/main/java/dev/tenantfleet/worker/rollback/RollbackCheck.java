package dev.tenantfleet.worker.rollback;

import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.worker.tenantdb.failure.TenantWorkException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before anything is touched, whether a rollback-tenant command may run: the tenant's newest history entries
 * must be exactly the release's changesets, in apply order (so nothing another release applied is ever rolled back),
 * and the worker's changelog must be able to roll each of them back.
 */
final class RollbackCheck {
    private static final int LISTED = 5;

    private RollbackCheck() {}

    /**
     * Whether there is something to roll back. False for an empty release, and for a redelivery after success: none of
     * the changesets is applied any more and the tenant is at the expected head.
     *
     * @throws TenantWorkException ROLLBACK_MISMATCH or ROLLBACK_UNSUPPORTED
     */
    static boolean needed(TenantHistory history, RollbackTenant command, TenantChangelog changelog) {
        List<String> release = command.changeSets();
        List<String> applied = history.keys();
        if (release.isEmpty()) {
            return false;
        }
        Set<String> present = new HashSet<>(applied);
        present.retainAll(release);
        if (present.isEmpty()) {
            if (Objects.equals(history.head(), command.expectedHead())) {
                return false;
            }
            throw fail(
                    MigrationErrorCode.ROLLBACK_MISMATCH,
                    history,
                    "none of the release's " + release.size()
                            + " changesets is applied, but the tenant is at " + history.head()
                            + ", not at the expected head "
                            + command.expectedHead() + "; nothing was rolled back",
                    null);
        }
        List<String> newest = applied.subList(Math.max(0, applied.size() - release.size()), applied.size());
        if (!newest.equals(release)) {
            throw fail(
                    MigrationErrorCode.ROLLBACK_MISMATCH,
                    history,
                    "the tenant's newest changesets are " + list(newest) + ", not the release's " + list(release)
                            + " (both in apply order); nothing was rolled back",
                    null);
        }
        for (String key : release) {
            Optional<ChangeSetInfo> info = changelog.find(key);
            if (info.isEmpty()) {
                throw fail(
                        MigrationErrorCode.ROLLBACK_UNSUPPORTED,
                        history,
                        "changeset " + key
                                + " is not in this worker's changelog, so its rollback is unknown; nothing was rolled back",
                        key);
            }
            if (!info.get().rollbackSupported()) {
                throw fail(
                        MigrationErrorCode.ROLLBACK_UNSUPPORTED,
                        history,
                        "changeset " + key + " has no rollback; nothing was rolled back",
                        key);
            }
        }
        return true;
    }

    private static TenantWorkException fail(
            MigrationErrorCode code, TenantHistory history, String message, String changeSet) {
        return TenantWorkException.refused(new MigrationError(code, message, code.hint(), changeSet), history.head());
    }

    private static String list(List<String> keys) {
        if (keys.size() <= LISTED) {
            return keys.toString();
        }
        return "[" + String.join(", ", keys.subList(0, 2)) + ", ... " + (keys.size() - 3) + " more ..., "
                + keys.get(keys.size() - 1) + "]";
    }
}
