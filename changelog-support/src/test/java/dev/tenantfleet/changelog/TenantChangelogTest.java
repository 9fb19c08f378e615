package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenantfleet.changelog.SafetyWarning.Kind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TenantChangelogTest {
    static final String CRM = "classpath:crm-changelog/db.changelog-master.xml";
    private static final String V12 = "crm-changelog/releases/v1.2.xml";
    private static final TenantChangelog CRM_CHANGELOG = TenantChangelog.load(CRM);
    private static final TenantChangelog LINT = TenantChangelog.load("classpath:lint-changelog/master.xml");

    @Test
    void theCrmChangelogListsEveryChangesetInOrderWithItsKeyAndTags() {
        assertThat(CRM_CHANGELOG.location()).isEqualTo(CRM);
        assertThat(CRM_CHANGELOG.tags()).containsExactly("v1.0", "v1.1", "v1.2", "v1.3", "v1.4");
        assertThat(CRM_CHANGELOG.head()).isEqualTo("v1.4");
        assertThat(CRM_CHANGELOG.changeSets()).hasSize(33);
        ChangeSetInfo first = CRM_CHANGELOG.changeSets().get(0);
        assertThat(first.key()).isEqualTo("crm-changelog/releases/v1.0.xml::v1.0-001-create-users::tenant-fleet");
        assertThat(first.id()).isEqualTo("v1.0-001-create-users");
        assertThat(first.author()).isEqualTo("tenant-fleet");
        assertThat(first.filePath()).isEqualTo("crm-changelog/releases/v1.0.xml");
        assertThat(first.runInTransaction()).isTrue();
        assertThat(first.tag()).isNull();
        assertThat(CRM_CHANGELOG.changeSets())
                .filteredOn(cs -> cs.tag() != null)
                .extracting(ChangeSetInfo::tag)
                .containsExactlyElementsOf(CRM_CHANGELOG.tags());
        assertThat(CRM_CHANGELOG.find(first.key())).contains(first);
        assertThat(CRM_CHANGELOG.find("no::such::changeset")).isEmpty();
    }

    @Test
    void theDigestIsTheOneTheWorkerComputedBeforeTheCodeMovedHere() {
        // Released changesets never change, so neither does this: workers and tenant-service must agree on it.
        assertThat(CRM_CHANGELOG.digest())
                .isEqualTo("sha256:7b14f7ee444dde4c59fcc718a1767693c75d3fde66f98a477124a22eee4767b7");
    }

    @Test
    void upToATagEndsWithThatTagsChangesetAndAnUnknownTagIsRefused() {
        List<ChangeSetInfo> toV12 = CRM_CHANGELOG.upTo("v1.2");

        assertThat(toV12).hasSize(19);
        assertThat(toV12.get(18).key()).isEqualTo(V12 + "::v1.2-006-tag::tenant-fleet");
        assertThat(toV12.get(18).tag()).isEqualTo("v1.2");
        assertThat(CRM_CHANGELOG.upTo("v1.4")).isEqualTo(CRM_CHANGELOG.changeSets());
        assertThatThrownBy(() -> CRM_CHANGELOG.upTo("v9.9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v9.9")
                .hasMessageContaining("v1.4");
    }

    @Test
    void everyCrmChangesetCanBeRolledBackAndOnlyV14HasSafetyWarnings() {
        assertThat(CRM_CHANGELOG.changeSets())
                .allMatch(ChangeSetInfo::rollbackSupported)
                .allMatch(ChangeSetInfo::runInTransaction);

        Map<String, List<Kind>> warned = CRM_CHANGELOG.changeSets().stream()
                .filter(cs -> !cs.warnings().isEmpty())
                .collect(Collectors.toMap(
                        ChangeSetInfo::id,
                        cs -> cs.warnings().stream().map(SafetyWarning::kind).toList()));

        assertThat(warned)
                .containsOnly(
                        Map.entry("v1.4-002-backfill-contacts-full-name", List.of(Kind.DATA_BACKFILL)),
                        Map.entry("v1.4-003-create-contacts-email-lower-index", List.of(Kind.NON_CONCURRENT_INDEX)),
                        Map.entry("v1.4-005-backfill-deals-closed-at", List.of(Kind.DATA_BACKFILL)),
                        Map.entry("v1.4-007-backfill-tasks-completed-at", List.of(Kind.DATA_BACKFILL)),
                        Map.entry("v1.4-009-create-companies-industry-index", List.of(Kind.NON_CONCURRENT_INDEX)));
        SafetyWarning index = CRM_CHANGELOG.changeSets().stream()
                .filter(cs -> cs.id().equals("v1.4-003-create-contacts-email-lower-index"))
                .findFirst()
                .orElseThrow()
                .warnings()
                .get(0);
        assertThat(index.changeSet())
                .isEqualTo("crm-changelog/releases/v1.4.xml::v1.4-003-create-contacts-email-lower-index"
                        + "::tenant-fleet");
        assertThat(index.message())
                .contains("idx_contacts_email_lower")
                .contains("contacts")
                .contains("CONCURRENTLY");
    }

    @Test
    void shouldQuoteTheChangesetsRealSqlWithItsStringLiteralsInLintWarnings() {
        Map<String, String> messages = CRM_CHANGELOG.changeSets().stream()
                .filter(cs -> !cs.warnings().isEmpty())
                .collect(Collectors.toMap(
                        ChangeSetInfo::id, cs -> cs.warnings().get(0).message()));

        assertThat(messages.get("v1.4-002-backfill-contacts-full-name"))
                .endsWith(
                        "UPDATE contacts SET full_name = concat_ws(' ', first_name, last_name) WHERE full_name IS NULL");
        assertThat(messages.get("v1.4-007-backfill-tasks-completed-at"))
                .contains("WHERE status = 'done' AND completed_at IS NULL");
    }

    @Test
    void theLintFlagsEachRiskyKindOfChangeAndNothingHarmless() {
        Map<String, List<Kind>> kinds = LINT.changeSets().stream()
                .collect(Collectors.toMap(
                        ChangeSetInfo::id,
                        cs -> cs.warnings().stream().map(SafetyWarning::kind).toList()));

        assertThat(kinds)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("r1-001-items", List.of()),
                        Map.entry("r1-002-index-new-table", List.of()),
                        Map.entry("r1-003-enum", List.of()),
                        Map.entry("r1-004-tag", List.of()),
                        Map.entry("r2-001-drop-column", List.of(Kind.DROPPED_COLUMN, Kind.NO_ROLLBACK)),
                        Map.entry("r2-002-drop-table", List.of(Kind.DROPPED_TABLE)),
                        Map.entry("r2-003-modify-type", List.of(Kind.TYPE_CHANGE)),
                        Map.entry("r2-004-alter-enum", List.of(Kind.ENUM_CHANGE)),
                        Map.entry("r2-005-recreate-enum", List.of(Kind.ENUM_CHANGE)),
                        Map.entry("r2-006-index-existing-table", List.of(Kind.NON_CONCURRENT_INDEX)),
                        Map.entry("r2-007-concurrent-index", List.of(Kind.NON_TRANSACTIONAL)),
                        Map.entry("r2-008-sql-index", List.of(Kind.NON_CONCURRENT_INDEX)),
                        Map.entry("r2-009-update", List.of(Kind.DATA_BACKFILL, Kind.NO_ROLLBACK)),
                        Map.entry("r2-010-insert-select", List.of(Kind.DATA_BACKFILL, Kind.NO_ROLLBACK)),
                        Map.entry("r2-011-alter-table", List.of(Kind.DROPPED_COLUMN, Kind.TYPE_CHANGE)),
                        Map.entry("r2-012-function", List.of()),
                        Map.entry("r2-013-harmless", List.of()),
                        Map.entry("r2-014-tag", List.of())));
    }

    @Test
    void rollbackSupportIsAnExplicitRollbackEvenAnEmptyOneOrAnAutomaticInverse() {
        assertThat(LINT.changeSets())
                .extracting(ChangeSetInfo::id, ChangeSetInfo::rollbackSupported, ChangeSetInfo::runInTransaction)
                .contains(
                        tuple("r1-001-items", true, true), // createTable: automatic inverse
                        tuple("r2-001-drop-column", false, true), // dropColumn: none
                        tuple("r2-002-drop-table", true, true), // <rollback/>
                        tuple("r2-007-concurrent-index", true, false),
                        tuple("r2-010-insert-select", false, true)); // raw SQL without <rollback>
        assertThat(LINT.changeSets().get(4).warnings().get(1).message()).contains("cannot roll it back");
    }

    @Test
    void planWithoutHistoryIsEverythingUpToTheTargetAndNullTargetMeansTheWholeChangelog() {
        TenantPlan plan = CRM_CHANGELOG.plan(TenantHistory.empty(), "v1.1");

        assertThat(plan.head()).isNull();
        assertThat(plan.pending()).isEqualTo(CRM_CHANGELOG.upTo("v1.1"));
        assertThat(plan.drifted()).isFalse();
        assertThat(CRM_CHANGELOG.plan(TenantHistory.empty(), null).pending()).isEqualTo(CRM_CHANGELOG.changeSets());
        assertThatThrownBy(() -> CRM_CHANGELOG.plan(TenantHistory.empty(), "nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
