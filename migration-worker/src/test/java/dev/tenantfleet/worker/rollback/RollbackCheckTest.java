package dev.tenantfleet.worker.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.changelog.AppliedChangeSet;
import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.worker.support.TestChangelogProfile;
import dev.tenantfleet.worker.tenantdb.failure.TenantWorkException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What a rollback-tenant command may do, decided from the history alone (test changelog: t1, t2, t3). */
class RollbackCheckTest {
    private static final TenantChangelog CHANGELOG = TenantChangelog.load(TestChangelogProfile.LOCATION);
    private static final List<String> ALL =
            CHANGELOG.changeSets().stream().map(ChangeSetInfo::key).toList();
    private static final List<String> T1 = ALL.subList(0, 2);
    private static final List<String> T2 = ALL.subList(2, 7);
    private static final List<String> T3 = ALL.subList(7, 12);

    @Test
    void theNewestChangesetsOfTheReleaseInApplyOrderAreRolledBack() {
        assertThat(RollbackCheck.needed(history(T1, T3), command(T3, "t1"), CHANGELOG))
                .isTrue();
    }

    @Test
    void aRedeliveryAfterSuccessAndAnEmptyReleaseHaveNothingToDo() {
        assertThat(RollbackCheck.needed(history(T1), command(T3, "t1"), CHANGELOG))
                .isFalse();
        assertThat(RollbackCheck.needed(history(T1), command(List.of(), "t1"), CHANGELOG))
                .isFalse();
    }

    @Test
    void aHistoryThatNoLongerEndsWithTheReleaseIsAMismatch() {
        List<String> reordered = new ArrayList<>(T3);
        reordered.add(0, reordered.remove(1));

        assertCode(
                () -> RollbackCheck.needed(history(T1, T3), command(T3.subList(0, 3), "t1"), CHANGELOG),
                MigrationErrorCode.ROLLBACK_MISMATCH);
        assertCode(
                () -> RollbackCheck.needed(history(T1, T3), command(reordered, "t1"), CHANGELOG),
                MigrationErrorCode.ROLLBACK_MISMATCH);
        // none of them applied, but another release moved the tenant on: not the harmless redelivery
        assertCode(
                () -> RollbackCheck.needed(history(T1, T2), command(T3, "t1"), CHANGELOG),
                MigrationErrorCode.ROLLBACK_MISMATCH);
    }

    @Test
    void aChangesetWithoutRollbackOrUnknownToTheChangelogIsUnsupported() {
        assertCode(
                () -> RollbackCheck.needed(history(T1, T2), command(T2, "t1"), CHANGELOG),
                MigrationErrorCode.ROLLBACK_UNSUPPORTED);
        List<String> foreign = List.of("elsewhere.xml::x::y");
        assertCode(
                () -> RollbackCheck.needed(history(T1, foreign), command(foreign, "t1"), CHANGELOG),
                MigrationErrorCode.ROLLBACK_UNSUPPORTED);
    }

    private static void assertCode(ThrowingCallable call, MigrationErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(TenantWorkException.class)
                .satisfies(e ->
                        assertThat(((TenantWorkException) e).error().code()).isEqualTo(code));
    }

    @SafeVarargs
    private static TenantHistory history(List<String>... parts) {
        List<AppliedChangeSet> rows = new ArrayList<>();
        for (List<String> part : parts) {
            for (String key : part) {
                String tag = CHANGELOG.find(key).map(ChangeSetInfo::tag).orElse(null);
                rows.add(new AppliedChangeSet(key, null, rows.size() + 1, tag));
            }
        }
        return TenantHistory.of(rows);
    }

    private static RollbackTenant command(List<String> changeSets, String expectedHead) {
        TenantConnection connection =
                new TenantConnection("localhost", 5432, "db", "role", new EncryptedSecret("k", "AAAA"));
        return new RollbackTenant(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "acme",
                connection,
                UUID.randomUUID(),
                changeSets,
                expectedHead,
                null,
                null);
    }
}
