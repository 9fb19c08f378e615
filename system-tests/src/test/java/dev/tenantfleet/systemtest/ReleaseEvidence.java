package dev.tenantfleet.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.testsupport.BrokerProbe;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What shows that a release ran each tenant exactly once and lost nothing, read where it is recorded: the release log,
 * the tenant databases' Liquibase history, the worker's log and what reached the broker.
 */
final class ReleaseEvidence {
    private ReleaseEvidence() {}

    /**
     * The release migrated the tenant to {@code target} once: one MIGRATING and one MIGRATED line in its log (the
     * release's {@code GET /api/releases/{id}/log}), each changeset once in the tenant's history, one worker run
     * applying it.
     */
    static void assertMigratedOnce(String slug, String target, String releaseId, List<Map<String, Object>> log)
            throws Exception {
        assertThat(log)
                .filteredOn(row -> slug.equals(row.get("slug")))
                .extracting(row -> row.get("event"))
                .as("release log of " + slug)
                .containsOnlyOnce("MIGRATING", "MIGRATED")
                .doesNotContain("FAILED");
        assertThat(Releases.headOf(slug)).isEqualTo(target);
        assertThat(Sql.column(
                        FleetApi.databaseOf(slug),
                        "SELECT count(*) - count(DISTINCT id || author || filename)" + " FROM databasechangelog"))
                .as("changesets applied twice to " + slug)
                .containsExactly("0");
        // The outbox delivers at least once: a replica killed between the broker's confirm and its commit leaves the
        // command to be sent again by the other, and the worker then finds nothing left to apply.
        List<String> runs = workerRunsOf(slug, releaseId);
        assertThat(runs).as("the worker's runs for " + slug).isNotEmpty().noneMatch(run -> run.contains("failed"));
        String command = runs.get(0).substring(0, runs.get(0).indexOf(':'));
        assertThat(runs).as("one command").allMatch(run -> run.startsWith(command + ":"));
        assertThat(runs)
                .filteredOn(run -> !run.contains("migrated, 0 changesets"))
                .as("applied once")
                .hasSize(1);
    }

    /** Nothing lost: every tenant's result and release event reached the broker, and one completed event. */
    static void assertEveryEventPublished(List<String> slugs, UUID releaseId, BrokerProbe results, BrokerProbe events) {
        for (String slug : slugs) {
            assertThat(results.received())
                    .filteredOn(m -> m.body().contains("\"releaseId\":\"" + releaseId + "\"")
                            && m.body().contains("\"slug\":\"" + slug + "\""))
                    .extracting(BrokerProbe.Received::routingKey)
                    .isNotEmpty()
                    .allMatch(key -> key.startsWith("result.tenant.migrated."));
            assertThat(events.received())
                    .filteredOn(m -> m.routingKey().equals(RoutingKeys.releaseEvent(releaseId, "tenant.migrated"))
                            && m.body().contains("\"slug\":\"" + slug + "\""))
                    .isNotEmpty();
        }
        List<String> completed = events.received().stream()
                .filter(m -> m.routingKey().equals(RoutingKeys.releaseEvent(releaseId, "completed")))
                .map(BrokerProbe.Received::messageId)
                .toList();
        assertThat(completed)
                .as("one completed event (re-sent at most under its id)")
                .isNotEmpty()
                .containsOnly(completed.get(0));
    }

    /** What the worker's log says each run of the release's commands for the tenant did: "command <id>: <outcome>". */
    static List<String> workerRunsOf(String slug, String releaseId) throws Exception {
        String label = "migrate-tenant " + slug + " command ";
        return RunningFleet.get()
                .logs()
                .lines()
                .filter(line -> line.contains(label)
                        && line.contains(releaseId)
                        && (line.contains(": migrated, ") || line.contains(": failed with ")))
                .map(line -> line.substring(line.indexOf(label) + label.length()))
                .toList();
    }
}
