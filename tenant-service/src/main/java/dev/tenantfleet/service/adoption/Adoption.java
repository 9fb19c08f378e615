package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.adoption.AdoptionResult.Outcome;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.credentials.Credentials;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Adopts existing databases as tenants, creating nothing: every row is validated first (its fields, the registry, then
 * its database: login, privileges, Liquibase history, and for a baseline the tables), databases several at a time,
 * and every problem of every row is reported; only then are the valid rows baselined where asked and registered, one
 * transaction each. A row already registered for the same database is left unchanged, so re-running is harmless.
 */
@ApplicationScoped
public class Adoption {
    private static final Logger LOG = Logger.getLogger(Adoption.class);

    private final Candidates candidates;
    private final RegistryCheck registry;
    private final DatabaseInspector inspector;
    private final Baseline baseline;
    private final AdoptionRegistrar registrar;
    private final Credentials credentials;
    private final TenantFleetConfig config;
    private final ManagedExecutor pool;

    Adoption(
            Candidates candidates,
            RegistryCheck registry,
            DatabaseInspector inspector,
            Baseline baseline,
            AdoptionRegistrar registrar,
            Credentials credentials,
            TenantFleetConfig config) {
        this.candidates = candidates;
        this.registry = registry;
        this.inspector = inspector;
        this.baseline = baseline;
        this.registrar = registrar;
        this.credentials = credentials;
        this.config = config;
        // At most validationConcurrency checks at once, on Quarkus' worker threads (its metrics, its shutdown);
        // no context of the caller (request, transaction) travels to a task.
        this.pool = ManagedExecutor.builder()
                .maxAsync(config.adoption().validationConcurrency())
                .maxQueued(-1)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    void shutdown(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** Adopts one database; its result says registered, already registered or rejected (with every problem). */
    public AdoptionResult adoptOne(AdoptionRequest request, boolean dryRun, String actor) {
        return adopt(List.of(new NumberedRequest(1, request, null)), null, dryRun, actor)
                .rows()
                .get(0);
    }

    /**
     * Adopts every row; {@code defaultBaseline} applies to rows naming no baseline tag. A dry run checks everything
     * and changes nothing: no baseline is recorded, no tenant registered; the rows that would be are VALID.
     *
     * @throws TenantFleetException INVALID_REQUEST when there are no rows or more than allowed
     */
    public ImportReport adopt(List<NumberedRequest> requests, String defaultBaseline, boolean dryRun, String actor) {
        if (requests.isEmpty()) {
            throw new TenantFleetException(TenantErrorCode.INVALID_REQUEST, "the import has no rows");
        }
        if (requests.size() > config.adoption().maxRows()) {
            throw new TenantFleetException(
                    TenantErrorCode.INVALID_REQUEST,
                    "the import has " + requests.size()
                            + " rows, more than tenantfleet.adoption.max-rows ("
                            + config.adoption().maxRows()
                            + "); split it (re-running an import is harmless)");
        }
        long start = System.nanoTime();
        List<Candidate> rows = new ArrayList<>(requests.size());
        for (NumberedRequest request : requests) {
            rows.add(
                    request.request() == null
                            ? Candidate.unreadable(
                                    request.line(), RowProblem.of(TenantErrorCode.INVALID_REQUEST, request.error()))
                            : candidates.of(request.line(), request.request(), defaultBaseline));
        }
        List<RegistryCheck.Verdict> verdicts = registry.check(rows);
        Map<String, String> unreachable = unreachableServers(verdicts);
        List<Inspection> inspections = inParallel(verdicts, verdict -> inspect(verdict, unreachable));
        List<RowProblem> baselines = dryRun
                ? Collections.nCopies(verdicts.size(), null)
                : inParallel(indices(verdicts.size()), i -> recordBaseline(verdicts.get(i), inspections.get(i)));
        List<AdoptionResult> results = new ArrayList<>(rows.size());
        for (int i = 0; i < verdicts.size(); i++) {
            results.add(register(verdicts.get(i), inspections.get(i), baselines.get(i), dryRun, actor));
        }
        ImportReport report = ImportReport.of(results, dryRun);
        LOG.infof(
                "Adoption by %s%s: %d rows, %d registered, %d already registered, %d rejected, %d valid (%d ms)",
                actor,
                dryRun ? " (dry run)" : "",
                report.total(),
                report.registered(),
                report.alreadyRegistered(),
                report.rejected(),
                report.valid(),
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /** One TCP check per server the valid rows use: a dead server fails its rows at once, not one timeout each. */
    private Map<String, String> unreachableServers(List<RegistryCheck.Verdict> verdicts) {
        Map<String, RegistryCheck.Target> targets = new HashMap<>();
        verdicts.stream()
                .filter(Adoption::inspectable)
                .forEach(v -> targets.putIfAbsent(v.target().serverName(), v.target()));
        List<RegistryCheck.Target> list = List.copyOf(targets.values());
        List<String> reasons = inParallel(list, inspector::unreachable);
        Map<String, String> unreachable = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (reasons.get(i) != null) {
                unreachable.put(list.get(i).serverName(), reasons.get(i));
            }
        }
        return unreachable;
    }

    /**
     * Whether the row's database is looked at: when its server is known and the row says how to log in, even if the
     * row has other problems (so they are all reported at once); never for a row already registered (nothing changes).
     */
    private static boolean inspectable(RegistryCheck.Verdict verdict) {
        return verdict.target() != null && verdict.row().canConnect() && !verdict.alreadyRegistered();
    }

    private Inspection inspect(RegistryCheck.Verdict verdict, Map<String, String> unreachable) {
        if (!inspectable(verdict)) {
            return null;
        }
        String down = unreachable.get(verdict.target().serverName());
        if (down != null) {
            return Inspection.rejected(RowProblem.of(TenantErrorCode.TENANT_DATABASE_UNREACHABLE, down));
        }
        try {
            return inspector.inspect(
                    verdict.row(),
                    verdict.target(),
                    credentials.decrypt(verdict.row().password()));
        } catch (RuntimeException e) {
            // one database the checks cannot cope with is that row's problem, not the whole import's
            LOG.warnf(
                    e,
                    "Adoption of %s: inspecting database %s failed",
                    verdict.row().slug(),
                    verdict.row().database());
            return Inspection.rejected(RowProblem.of(
                    TenantErrorCode.ADOPTION_REJECTED,
                    "inspecting database " + verdict.row().database() + " failed: " + e.getMessage()));
        }
    }

    private RowProblem recordBaseline(RegistryCheck.Verdict verdict, Inspection inspection) {
        if (!verdict.problems().isEmpty()
                || inspection == null
                || !inspection.problems().isEmpty()
                || inspection.baselineTag() == null) {
            return null;
        }
        try {
            return baseline.record(
                    verdict.row(),
                    verdict.target(),
                    credentials.decrypt(verdict.row().password()),
                    inspection.baselineTag());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Adoption of %s: baseline failed", verdict.row().slug());
            return RowProblem.of(TenantErrorCode.BASELINE_FAILED, "recording the baseline failed: " + e.getMessage());
        }
    }

    private AdoptionResult register(
            RegistryCheck.Verdict verdict,
            Inspection inspection,
            RowProblem baselineProblem,
            boolean dryRun,
            String actor) {
        Candidate row = verdict.row();
        String server = verdict.target() == null
                ? registry.serverName(row)
                : verdict.target().serverName();
        if (verdict.alreadyRegistered()) {
            return already(row, server, verdict.registered());
        }
        List<RowProblem> problems = new ArrayList<>(verdict.problems());
        if (inspection != null) {
            problems.addAll(inspection.problems());
        }
        if (baselineProblem != null) {
            problems.add(baselineProblem);
        }
        if (!problems.isEmpty()) {
            return AdoptionResult.rejected(row, server, inspection == null ? List.of() : inspection.notes(), problems);
        }
        String head = inspection.registeredHead();
        boolean baselined = inspection.baselineTag() != null;
        if (dryRun) {
            return AdoptionResult.accepted(row, Outcome.VALID, server, head, baselined, inspection.notes());
        }
        try {
            if (registrar.register(row, server, head, baselined, actor).isEmpty()) {
                RegistryCheck.Verdict now = registry.check(List.of(row)).get(0);
                return now.alreadyRegistered()
                        ? already(row, server, now.registered())
                        : AdoptionResult.rejected(row, server, List.of(), now.problems());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Adoption of %s: registering failed: %s", row.slug(), e.getMessage());
            return AdoptionResult.rejected(
                    row,
                    server,
                    inspection.notes(),
                    List.of(RowProblem.of(
                            TenantErrorCode.ADOPTION_REJECTED,
                            "registering " + row.slug() + " failed (registered by another import at the same time?): "
                                    + e.getMessage())));
        }
        LOG.infof(
                "Adopted tenant %s: database %s on %s as %s, %s, schema head %s%s",
                row.slug(),
                row.database(),
                server,
                row.username(),
                row.status(),
                head == null ? "none" : head,
                baselined ? " (baselined)" : "");
        return AdoptionResult.accepted(row, Outcome.REGISTERED, server, head, baselined, inspection.notes());
    }

    private static AdoptionResult already(Candidate row, String server, RegistryCheck.Registered registered) {
        return new AdoptionResult(
                row.line(),
                row.slug(),
                Outcome.ALREADY_REGISTERED,
                server,
                row.database(),
                registered.schemaHead(),
                false,
                List.of("already registered (" + registered.status() + "): nothing "
                        + "changed; use the tenant's status endpoint to change its status"),
                List.of());
    }

    private <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            Callable<R> task = () -> work.apply(item);
            futures.add(pool.submit(task));
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while adopting", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("adoption check failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private static List<Integer> indices(int size) {
        List<Integer> indices = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            indices.add(i);
        }
        return indices;
    }
}
