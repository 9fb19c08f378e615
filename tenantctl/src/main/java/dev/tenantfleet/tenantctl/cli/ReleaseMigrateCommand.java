package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.migration.MigrateRelease;
import dev.tenantfleet.model.release.CohortPlan;
import dev.tenantfleet.model.release.FailureBudget;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStrategy;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.Settings;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.broker.Broker;
import dev.tenantfleet.tenantctl.broker.ReleaseSignal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tenantctl release migrate --target TAG ...}: publishes a migrate-release command on RabbitMQ and, with
 * {@code --wait}, follows the release (bound to its events BEFORE publishing) to its exit code.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Publish a migrate-release command (exchange migration.commands, routing key "
                    + "command.migrate-release) for tenant-service.",
            "Without --wait: prints the release id once the broker confirmed the command, exit 0.",
            "With --wait: follows the release to its end and exits with its code (see tenantctl --help)."
        })
public final class ReleaseMigrateCommand extends BaseCommand {
    @Option(
            names = "--target",
            required = true,
            paramLabel = "TAG",
            description = "changelog tag every targeted " + "tenant must reach")
    String target;

    @Option(
            names = "--digest",
            paramLabel = "DIGEST",
            description = "changelog digest the deploy expects; workers "
                    + "with another changelog refuse (default: whatever tenant-service has)")
    String digest;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "tenants migrating at once, fleet-wide " + "(default 3)")
    Integer concurrency;

    @Option(
            names = "--server-concurrency",
            paramLabel = "N",
            description = "tenants migrating at once per database " + "server (default: each server's cap)")
    Integer serverConcurrency;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "per-tenant timeout, whole seconds: 120s, 2m (default 120s)")
    Duration timeout;

    @Option(
            names = "--status",
            split = ",",
            paramLabel = "STATUS",
            converter = Converters.StatusConverter.class,
            description = "target tenants in these statuses (default ACTIVE,READ_ONLY)")
    List<TenantStatus> statuses;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "SLUG",
            description = "only these tenants (converge " + "stragglers)")
    List<String> only;

    @Option(
            names = "--strategy",
            paramLabel = "fanout|cohorts",
            description = "fanout (default) or cohorts " + "(implied by the cohort options)")
    ReleaseStrategy strategy;

    @Option(names = "--canary", paramLabel = "N", description = "cohorts: tenants in the first cohort (default 1)")
    Integer canary;

    @Option(names = "--growth", paramLabel = "N", description = "cohorts: each wave grows by this factor (default 2)")
    Integer growth;

    @Option(
            names = "--cohort",
            paramLabel = "SLUG,SLUG",
            description = "cohorts: an explicit cohort, in order " + "(repeatable); tenants in none form a last cohort")
    List<String> cohortLists;

    @Option(
            names = "--pause",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "cohorts: pause between cohorts, whole seconds (default 0s)")
    Duration pause;

    @Option(
            names = "--on-failure",
            paramLabel = "halt|continue|rollback",
            description = "what a failed cohort does " + "(default halt)")
    FailurePolicy onFailure;

    @Option(
            names = "--failure-budget",
            paramLabel = "N|N%",
            converter = Converters.BudgetConverter.class,
            description = "failures a cohort may have and still pass: a count (2) or a percent (10%%) (default 0)")
    FailureBudget failureBudget;

    @Option(names = "--read-only-gate", description = "tenants are READ_ONLY while their cohort migrates")
    boolean readOnlyGate;

    @Option(
            names = "--allow-non-transactional",
            description = "accept changesets that cannot run in the tenant's " + "single transaction")
    boolean allowNonTransactional;

    @Option(
            names = "--release-id",
            paramLabel = "UUID",
            description = "the release id (default: a new random one); "
                    + "publishing the same id twice starts one release, so a retried job may reuse it")
    UUID releaseId;

    @Mixin
    WaitOptions waitOptions;

    @Mixin
    ApiOptions apiOptions;

    @Mixin
    BrokerOptions brokerOptions;

    public ReleaseMigrateCommand(Context ctx) {
        super(ctx);
    }

    /** The release spec the options describe; usage errors for inconsistent or invalid values. */
    public ReleaseSpec toSpec() {
        boolean cohortOptions =
                canary != null || growth != null || pause != null || cohortLists != null && !cohortLists.isEmpty();
        if (strategy == ReleaseStrategy.FANOUT && cohortOptions) {
            throw usage("--canary, --growth, --cohort and --pause need --strategy cohorts, not fanout");
        }
        ReleaseStrategy chosen = strategy != null ? strategy : cohortOptions ? ReleaseStrategy.COHORTS : null;
        if (target.isBlank()) {
            throw usage("--target must not be blank");
        }
        try {
            CohortPlan plan = chosen == ReleaseStrategy.COHORTS
                    ? new CohortPlan(
                            canary, growth, cohortLists(), pause == null ? null : wholeSeconds(pause, "--pause", 0))
                    : null;
            return new ReleaseSpec(
                    target.trim(),
                    digest == null || digest.isBlank() ? null : digest.trim(),
                    chosen,
                    plan,
                    concurrency,
                    serverConcurrency,
                    timeout == null ? null : wholeSeconds(timeout, "--timeout", 1),
                    statuses == null ? null : new LinkedHashSet<>(statuses),
                    slugs(only, "--only"),
                    onFailure,
                    failureBudget,
                    readOnlyGate,
                    allowNonTransactional);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    @Override
    public Integer call() {
        ReleaseSpec releaseSpec = toSpec();
        waitOptions.validate(spec);
        Settings settings = settings(apiOptions, brokerOptions);
        UUID id = releaseId != null ? releaseId : UUID.randomUUID();
        ReleaseRun run = new ReleaseRun(ctx, waitOptions, id, columns());
        return run.guard(() -> {
            ApiClient api = waitOptions.wait ? new ApiClient(settings) : null;
            if (api != null) {
                run.checkApiBeforeStart(api);
            }
            try (Broker broker = Broker.connect(settings, "release migrate " + id)) {
                // bind FIRST, so not a single event of the release can be published before we listen
                BlockingQueue<ReleaseSignal> signals = waitOptions.wait ? broker.follow(id) : null;
                UUID commandId = UUID.randomUUID();
                MigrateRelease command = new MigrateRelease(commandId, id, releaseSpec, settings.actor());
                broker.publish(new CloudEvent<>(
                        commandId.toString(),
                        URI.create("/tenantctl"),
                        MigrateRelease.TYPE,
                        ctx.clock().instant(),
                        null,
                        command));
                if (!waitOptions.wait) {
                    ctx.err()
                            .println("release " + id + " requested: migrate to " + releaseSpec.targetTag() + " ("
                                    + describe(releaseSpec) + "); follow it with `tenantctl release status " + id
                                    + "`");
                    ctx.err().flush();
                    ctx.out().println(id);
                    ctx.out().flush();
                    return ExitCodes.OK;
                }
                ctx.out()
                        .println("release " + id + ": migrate to " + releaseSpec.targetTag() + " ("
                                + describe(releaseSpec) + "), requested by " + settings.actor());
                ctx.out().flush();
                return run.follow(api, signals, null, null);
            }
        });
    }

    /** {@code cohorts (canary 1, growth 2), concurrency 3, timeout 120s, on failure HALT}. */
    static String describe(ReleaseSpec spec) {
        List<String> parts = new ArrayList<>();
        if (spec.strategy() == ReleaseStrategy.COHORTS) {
            CohortPlan plan = spec.cohorts();
            parts.add(
                    plan.lists().isEmpty()
                            ? "cohorts (canary " + plan.canarySize() + ", growth " + plan.growthFactor() + ")"
                            : "cohorts " + plan.lists());
            if (plan.pauseSeconds() > 0) {
                parts.add("pause " + plan.pauseSeconds() + "s");
            }
        } else {
            parts.add("fanout");
        }
        parts.add("concurrency " + spec.concurrency()
                + (spec.serverConcurrency() == null ? "" : ", " + spec.serverConcurrency() + " per server"));
        parts.add("timeout " + spec.tenantTimeoutSeconds() + "s");
        parts.add("on failure " + spec.failurePolicy());
        FailureBudget budget = spec.failureBudget();
        if (!FailureBudget.NONE.equals(budget)) {
            parts.add("budget " + (budget.count() != null ? budget.count() : budget.percent() + "%"));
        }
        if (!spec.only().isEmpty()) {
            parts.add("only " + String.join(",", spec.only()));
        }
        if (spec.readOnlyGate()) {
            parts.add("read-only gate");
        }
        if (spec.allowNonTransactional()) {
            parts.add("non-transactional allowed");
        }
        return String.join(", ", parts);
    }

    private List<List<String>> cohortLists() {
        if (cohortLists == null) {
            return null;
        }
        List<List<String>> lists = new ArrayList<>();
        for (String list : cohortLists) {
            List<String> slugs = slugs(Arrays.asList(list.split(",")), "--cohort");
            if (slugs.isEmpty()) {
                throw usage("--cohort needs at least one slug");
            }
            lists.add(slugs);
        }
        Set<String> seen = new LinkedHashSet<>();
        lists.stream()
                .flatMap(List::stream)
                .filter(slug -> !seen.add(slug))
                .findFirst()
                .ifPresent(slug -> {
                    throw usage("tenant '" + slug + "' is in more than one --cohort");
                });
        return lists;
    }

    private List<String> slugs(List<String> values, String option) {
        if (values == null) {
            return null;
        }
        List<String> slugs = new ArrayList<>();
        for (String value : values) {
            String slug = value.trim();
            if (!slug.isEmpty()) {
                slugs.add(slug);
            }
        }
        if (slugs.isEmpty() && "--only".equals(option)) {
            throw usage("--only needs at least one slug");
        }
        return slugs;
    }

    private int wholeSeconds(Duration duration, String option, int minimum) {
        if (duration.toMillis() % 1000 != 0) {
            throw usage(option + " must be whole seconds, not " + duration.toMillis() + " ms");
        }
        if (duration.toSeconds() < minimum || duration.toSeconds() > Integer.MAX_VALUE) {
            throw usage(option + " must be at least " + minimum + "s");
        }
        return (int) duration.toSeconds();
    }
}
