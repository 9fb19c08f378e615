package dev.tenantfleet.tenantctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseProgressed;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.FleetStatusView;
import dev.tenantfleet.tenantctl.api.PlanView;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import dev.tenantfleet.tenantctl.render.FleetPrinter;
import dev.tenantfleet.tenantctl.render.PlanPrinter;
import dev.tenantfleet.tenantctl.render.ProgressView;
import dev.tenantfleet.tenantctl.render.Summary;
import dev.tenantfleet.tenantctl.render.Text;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What tenantctl prints: per-tenant lines (logs), the live bar (terminal), the summary, plans and the fleet. */
class RenderingTest {
    private static final UUID RELEASE = UUID.fromString("5b0c7a9e-3f41-4c6a-9d0e-2a1b3c4d5e6f");
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00.123Z");

    private final StringWriter buffer = new StringWriter();
    private final PrintWriter out = new PrintWriter(buffer, true);

    private static ReleaseTenantUpdated tenant(
            String slug, TenantReleaseState state, String before, String after, MigrationError error, Long millis) {
        return new ReleaseTenantUpdated(RELEASE, UUID.randomUUID(), slug, 0, state, before, after, error, millis);
    }

    private static ReleaseCounts counts(int total, int pending, int migrated, int failed, int skipped) {
        return new ReleaseCounts(total, pending, 0, migrated, failed, skipped, 0, 0, 0);
    }

    @Test
    void logLinesOnePerTenantEventWithTimestamps() {
        ProgressView view = ProgressView.forOutput(out, false, 0);
        MigrationError error = new MigrationError(
                MigrationErrorCode.CHANGESET_SQL_ERROR,
                "ERROR: column \"fax\" does not exist\n  Position: 8",
                MigrationErrorCode.CHANGESET_SQL_ERROR.hint(),
                "db/v1.4.xml::v1.4-2::bob");

        view.progress(
                T0, new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.RUNNING, 1, 4, counts(100, 100, 0, 0, 0)));
        view.tenant(T0, tenant("acme", TenantReleaseState.MIGRATING, "v1.3", null, null, null));
        view.tenant(T0.plusSeconds(1), tenant("acme", TenantReleaseState.MIGRATED, "v1.3", "v1.4", null, 812L));
        view.tenant(T0.plusSeconds(2), tenant("globex", TenantReleaseState.FAILED, "v1.3", "v1.3", error, 95L));
        view.tenant(T0.plusSeconds(2), tenant("hooli", TenantReleaseState.SKIPPED, "v1.4", "v1.4", null, null));
        view.tenant(T0.plusSeconds(2), tenant("initech", TenantReleaseState.MIGRATED, null, "v1.4", null, 1_500L));
        view.progress(
                T0.plusSeconds(3),
                new ReleaseProgressed(
                        RELEASE, "v1.4", ReleaseStatus.RUNNING, 1, 4, counts(100, 96, 2, 1, 1))); // same phase: no line
        view.progress(
                T0.plusSeconds(3),
                new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.HALTING, 1, 4, counts(100, 96, 2, 1, 1)));
        view.completed(
                T0.plusSeconds(4),
                new ReleaseCompleted(
                        RELEASE,
                        "v1.4",
                        ReleaseStatus.HALTED,
                        counts(100, 0, 2, 1, 97),
                        4_000,
                        List.of("globex"),
                        "cohort 2/4 failed"));
        view.close();

        assertThat(buffer.toString().lines())
                .containsExactly(
                        "2026-11-21T14:00:00Z release RUNNING, cohort 2/4: 0/100 migrated, 100 pending",
                        "2026-11-21T14:00:00Z acme MIGRATING from v1.3",
                        "2026-11-21T14:00:01Z acme MIGRATED v1.3 -> v1.4 (812 ms)",
                        "2026-11-21T14:00:02Z globex FAILED at v1.3 (95 ms): CHANGESET_SQL_ERROR ERROR: column \"fax\" does not "
                                + "exist Position: 8 (changeset db/v1.4.xml::v1.4-2::bob) hint: "
                                + MigrationErrorCode.CHANGESET_SQL_ERROR.hint(),
                        "2026-11-21T14:00:02Z hooli SKIPPED at v1.4",
                        "2026-11-21T14:00:02Z initech MIGRATED (none) -> v1.4 (1.5 s)",
                        "2026-11-21T14:00:03Z release HALTING, cohort 2/4: 2/100 migrated, 1 failed, 1 skipped, 96 pending",
                        "2026-11-21T14:00:04Z release HALTED: cohort 2/4 failed");
    }

    @Test
    void shouldPrintTheEndOfTheReleaseOnceInLogLines() {
        ProgressView view = ProgressView.forOutput(out, false, 0);

        view.progress(T0, new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.RUNNING, 0, 1, counts(2, 2, 0, 0, 0)));
        view.progress(
                T0.plusSeconds(1),
                new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.COMPLETED, 0, 1, counts(2, 0, 2, 0, 0)));
        view.completed(
                T0.plusSeconds(1),
                new ReleaseCompleted(
                        RELEASE,
                        "v1.4",
                        ReleaseStatus.COMPLETED,
                        counts(2, 0, 2, 0, 0),
                        1000L,
                        List.of(),
                        "2/2 migrated"));

        assertThat(buffer.toString().lines().filter(line -> line.contains("release COMPLETED")))
                .hasSize(1);
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceWithFailuresAboveIt() {
        ProgressView view = ProgressView.forOutput(out, true, 120);

        view.progress(
                T0, new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.RUNNING, 1, 4, counts(100, 58, 41, 1, 0)));
        view.tenant(T0, tenant("acme", TenantReleaseState.MIGRATED, "v1.3", "v1.4", null, 5L));
        view.tenant(
                T0,
                tenant(
                        "globex",
                        TenantReleaseState.FAILED,
                        "v1.3",
                        "v1.3",
                        new MigrationError(
                                MigrationErrorCode.TIMEOUT, "timed out", "look at the blocking sessions", null),
                        120_000L));
        view.progress(
                T0, new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.RUNNING, 1, 4, counts(100, 56, 42, 2, 0)));
        view.progress(
                T0, new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.PAUSED, 1, 4, counts(100, 56, 42, 2, 0)));
        view.close();

        String printed = buffer.toString();
        assertThat(printed).startsWith("\r[########............] 41/100 migrated, 1 failed, cohort 2/4");
        assertThat(printed)
                .contains(
                        "globex FAILED at v1.3 (2m 00s): TIMEOUT timed out hint: look at the blocking " + "sessions\n");
        assertThat(printed).contains("\r[########............] 42/100 migrated, 2 failed, cohort 2/4");
        assertThat(printed).endsWith("\r[########............] 42/100 migrated, 2 failed, cohort 2/4 (PAUSED)\n");
        assertThat(printed).doesNotContain("acme"); // successes only move the bar
    }

    @Test
    void theBarNeverWrapsANarrowTerminal() {
        ProgressView view = ProgressView.forOutput(out, true, 40);
        view.progress(
                T0, new ReleaseProgressed(RELEASE, "v1.4", ReleaseStatus.RUNNING, 0, 9, counts(1000, 0, 990, 5, 5)));

        assertThat(buffer.toString().replace("\r", "")).hasSizeLessThan(40);
    }

    @Test
    void summaryWithCountsDurationFailuresHintsAndBlockingSessions() throws Exception {
        String json = """
                {"id":"%s","targetTag":"v1.4","status":"HALTED","reason":"cohort 1/3 failed","requestedBy":"deploy@ci",
                 "createdAt":"2026-11-21T14:00:00Z","startedAt":"2026-11-21T14:00:01Z","finishedAt":"2026-11-21T14:02:14Z",
                 "cohort":0,"cohorts":3,"newField":{"x":1},
                 "counts":{"total":3,"pending":0,"migrating":0,"migrated":1,"failed":2,"skipped":0,"rollingBack":0,
                           "rolledBack":0,"rollbackFailed":0},
                 "tenants":[
                  {"tenantId":"%s","slug":"acme","cohort":0,"state":"MIGRATED","headBefore":"v1.3","headAfter":"v1.4"},
                  {"tenantId":"%s","slug":"globex","cohort":0,"state":"FAILED","headBefore":"v1.3","headAfter":"v1.3",
                   "error":{"code":"TIMEOUT","message":"canceling statement due to statement timeout","hint":"look at the sessions",
                            "changeSet":"db/v1.4.xml::3::carol","blockingSessions":[{"pid":77,"user":"reporting",
                            "applicationName":"metabase","state":"idle in transaction","query":"SELECT *\\n FROM deal",
                            "transactionStart":"2026-11-21T13:00:00Z"}]}},
                  {"slug":"initech","state":"A_STATE_FROM_THE_FUTURE"},
                  {"slug":"umbrella","state":"ROLLBACK_FAILED","headBefore":"v1.3","headAfter":"v1.4",
                   "error":{"code":"ROLLBACK_MISMATCH","message":"history changed","hint":"inspect by hand"}}]}
                """.formatted(RELEASE, UUID.randomUUID(), UUID.randomUUID());
        ReleaseView view = ApiClient.read(ApiClient.MAPPER.readTree(json), ReleaseView.class);

        Summary.print(out, RELEASE, view, null, ExitCodes.HALTED);

        assertThat(buffer.toString()).isEqualTo("""

                Release 5b0c7a9e-3f41-4c6a-9d0e-2a1b3c4d5e6f to v1.4: HALTED
                  reason:   cohort 1/3 failed
                  tenants:  3 targeted: 1 migrated, 2 failed
                  cohorts:  3
                  duration: 2m 13s
                  by:       deploy@ci
                  failed tenants (2):
                    by error code: ROLLBACK_MISMATCH 1, TIMEOUT 1
                    globex at v1.3: TIMEOUT canceling statement due to statement timeout
                      changeset: db/v1.4.xml::3::carol
                      hint: look at the sessions
                      blocked by pid 77 user reporting app 'metabase' (idle in transaction) in a transaction since 2026-11-21T13:00:00Z: SELECT * FROM deal
                    umbrella ROLLBACK_FAILED at v1.4: ROLLBACK_MISMATCH history changed
                      hint: inspect by hand
                  next:     fix the cause, then `tenantctl release resume 5b0c7a9e-3f41-4c6a-9d0e-2a1b3c4d5e6f`, or undo it with `tenantctl release rollback 5b0c7a9e-3f41-4c6a-9d0e-2a1b3c4d5e6f`
                exit code 3: halted after a failed cohort
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void shouldTimeARollbackOnItsOwnBesideTheReleaseItUndid() throws Exception {
        String json = """
                {"id":"%s","targetTag":"v1.4","status":"ROLLED_BACK","reason":"rollback requested by ops",
                 "createdAt":"2026-11-21T14:00:00Z","startedAt":"2026-11-21T14:00:00Z",
                 "rollbackStartedAt":"2026-11-21T14:30:00Z","finishedAt":"2026-11-21T14:30:01Z","cohort":0,"cohorts":1,
                 "counts":{"total":2,"pending":0,"migrating":0,"migrated":0,"failed":0,"skipped":0,"rollingBack":0,
                           "rolledBack":2,"rollbackFailed":0},"tenants":[]}
                """.formatted(RELEASE);
        ReleaseView view = ApiClient.read(ApiClient.MAPPER.readTree(json), ReleaseView.class);

        Summary.print(out, RELEASE, view, null, 4);

        assertThat(buffer.toString())
                .contains("duration: 1.0 s rolling back (the release before it: 30m 00s)")
                .doesNotContain("30m 1s");
    }

    @Test
    void summaryFromTheEventWhenTheApiCannotBeRead() {
        Summary.print(
                out,
                RELEASE,
                null,
                new ReleaseCompleted(
                        RELEASE,
                        "v1.4",
                        ReleaseStatus.FAILED,
                        counts(10, 0, 8, 2, 0),
                        61_000,
                        List.of("globex", "hooli"),
                        null),
                ExitCodes.FAILED);

        assertThat(buffer.toString())
                .contains(
                        "to v1.4: FAILED",
                        "tenants:  10 targeted: 8 migrated, 2 failed",
                        "duration: 1m 01s",
                        "failed tenants (2): globex, hooli",
                        "(summary from the release-completed event",
                        "exit code 2");
    }

    @Test
    void planGroupsTenantsWithTheSameHeadAndPendingChangesets() {
        List<PlanView.Pending> pending = List.of(
                new PlanView.Pending(
                        "db/v1.4.xml::v1.4-1::alice", "v1.4-1", "alice", "db/v1.4.xml", true, true, List.of()),
                new PlanView.Pending(
                        "db/v1.4.xml::v1.4-2::bob",
                        "v1.4-2",
                        "bob",
                        "db/v1.4.xml",
                        true,
                        false,
                        List.of(new PlanView.Warning(
                                "DROPPED_COLUMN", "db/v1.4.xml::v1.4-2::bob", "drops contact.fax"))),
                new PlanView.Pending(
                        null,
                        "v1.4-3",
                        "carol",
                        "db/v1.4.xml",
                        false,
                        true,
                        List.of(
                                new PlanView.Warning(
                                        "NON_CONCURRENT_INDEX",
                                        null,
                                        "CREATE INDEX without CONCURRENTLY " + "blocks writes on deal"),
                                new PlanView.Warning("DATA_BACKFILL", null, "UPDATE over every row of deal"))));
        List<PlanView.Tenant> tenants = new ArrayList<>();
        IntStream.range(0, 1000)
                .forEach(i ->
                        tenants.add(new PlanView.Tenant("t%04d".formatted(i), "v1.3", "BEHIND", pending, List.of())));
        tenants.add(new PlanView.Tenant("hooli", "v1.4", "AT_TARGET", List.of(), List.of()));
        tenants.add(new PlanView.Tenant(
                "umbrella",
                "v1.3",
                "BEHIND",
                pending.subList(0, 1),
                List.of(ApiClient.MAPPER.valueToTree(
                        Map.of("kind", "CHECKSUM_CHANGED", "changeSet", "db/v1.2.xml::9::dan")))));

        PlanPrinter.print(out, new PlanView("v1.4", "sha256:abc", tenants));

        assertThat(buffer.toString()).isEqualTo("""
                Release plan to v1.4 (changelog digest sha256:abc): 1002 tenants, 1001 with pending changesets

                1000 tenants at v1.3: t0000, t0001, t0002, t0003, t0004, t0005, t0006, t0007, t0008, t0009 and 990 more
                  3 pending changesets:
                    db/v1.4.xml::v1.4-1::alice
                    db/v1.4.xml::v1.4-2::bob  [no rollback]
                      ! DROPPED_COLUMN: drops contact.fax
                    db/v1.4.xml::v1.4-3::carol  [non-transactional]
                      ! NON_CONCURRENT_INDEX: CREATE INDEX without CONCURRENTLY blocks writes on deal
                      ! DATA_BACKFILL: UPDATE over every row of deal

                1 tenant at v1.3: umbrella
                  drift (the database differs from the changelog history):
                    ~ CHECKSUM_CHANGED: db/v1.2.xml::9::dan
                  1 pending changeset:
                    db/v1.4.xml::v1.4-1::alice

                1 tenant at v1.4: hooli
                  nothing pending

                Warnings: 2 of 3 pending changesets carry migration-safety warnings (DATA_BACKFILL 1, DROPPED_COLUMN 1, NON_CONCURRENT_INDEX 1); 1 runs outside a transaction (needs --allow-non-transactional); 1 has no rollback (--on-failure rollback will be refused).
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void fleetStatusByHeadBehindAndDrifted() {
        FleetStatusView fleet = new FleetStatusView(
                "v1.4",
                "sha256:abc",
                13,
                new LinkedHashMap<>(Map.of("v1.4", 10, "v1.3", 2, "(none)", 1)),
                List.of(
                        new FleetStatusView.Behind("acme", "v1.3"),
                        new FleetStatusView.Behind("globex", "v1.3"),
                        new FleetStatusView.Behind("initech", null)),
                List.of(new FleetStatusView.Drifted(
                        "hooli",
                        "v1.4",
                        List.of(ApiClient.MAPPER
                                .getNodeFactory()
                                .textNode("table legacy_notes not in the changelog")))));

        FleetPrinter.print(out, fleet);

        assertThat(buffer.toString()).isEqualTo("""
                Fleet: 13 tenants, changelog head v1.4 (digest sha256:abc)
                  v1.4       10  (head)
                  v1.3        2
                  (none)      1
                Behind the head (3):
                  at (none) (1): initech
                  at v1.3 (2): acme, globex
                Drifted (1):
                  hooli at v1.4:
                    ~ table legacy_notes not in the changelog
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void durations() {
        assertThat(Text.duration(Duration.ofMillis(812))).isEqualTo("812 ms");
        assertThat(Text.duration(Duration.ofMillis(4_210))).isEqualTo("4.2 s");
        assertThat(Text.duration(Duration.ofSeconds(133))).isEqualTo("2m 13s");
        assertThat(Text.duration(Duration.ofMinutes(62))).isEqualTo("1h 02m");
    }

    @Test
    void shouldSayTenantsAreAheadOfTheTargetWhenThePlanFindsNothingToMigrate() {
        PlanView allAhead = new PlanView(
                "v1.3",
                null,
                List.of(
                        new PlanView.Tenant("acme", "v1.4", "AHEAD", List.of(), List.of()),
                        new PlanView.Tenant("hooli", "v1.4", "AHEAD", List.of(), List.of())));
        PlanView mixed = new PlanView(
                "v1.3",
                null,
                List.of(
                        new PlanView.Tenant("acme", "v1.4", "AHEAD", List.of(), List.of()),
                        new PlanView.Tenant("hooli", "v1.3", "AT_TARGET", List.of(), List.of())));

        assertThat(PlanPrinter.nothingToMigrate(allAhead))
                .isEqualTo("Nothing to migrate: every tenant is ahead of the target v1.3.");
        assertThat(PlanPrinter.nothingToMigrate(mixed))
                .isEqualTo("Nothing to migrate: 1 at the target, 1 is ahead of the target v1.3.");
    }

    @Test
    void shouldNotClaimEveryTenantIsAtTheTargetWhenSomeAreAhead() {
        ReleaseCounts counts = new ReleaseCounts(3, 0, 0, 1, 0, 0, 0, 0, 0, 2);

        assertThat(Text.counts(counts)).isEqualTo("1 migrated, 2 ahead of the target");
        assertThat(Summary.meaning(ExitCodes.OK, counts))
                .isEqualTo("completed: every targeted tenant is at the target except 2 ahead of it (untouched)");
    }
}
