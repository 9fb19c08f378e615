package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.tenantctl.api.PlanView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints a release plan grouped by (head, pending changesets, drift), so 1000 tenants at the same head are one
 * group, with each pending changeset's migration-safety warnings and a warnings total at the end.
 */
public final class PlanPrinter {
    /** Slugs named per group; the rest are counted. */
    static final int SLUGS_PER_GROUP = 10;

    private PlanPrinter() {}

    public static void print(PrintWriter out, PlanView plan) {
        Map<List<Object>, List<PlanView.Tenant>> groups = new LinkedHashMap<>();
        for (PlanView.Tenant tenant : plan.tenants()) {
            List<Object> key = List.of(
                    Text.head(tenant.head()),
                    tenant.pending().stream().map(PlanPrinter::name).toList(),
                    tenant.drift().stream().map(Text::node).toList());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(tenant);
        }
        long withPending =
                plan.tenants().stream().filter(t -> !t.pending().isEmpty()).count();
        out.println("Release plan to " + plan.targetTag()
                + (plan.changelogDigest() == null ? "" : " (changelog digest " + plan.changelogDigest() + ")") + ": "
                + Text.plural(plan.tenants().size(), "tenant")
                + ", " + withPending + " with pending changesets");
        List<Map.Entry<List<Object>, List<PlanView.Tenant>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(Comparator.<Map.Entry<List<Object>, List<PlanView.Tenant>>>comparingInt(
                        e -> -e.getValue().size())
                .thenComparing(e -> (String) e.getKey().get(0)));
        Map<String, PlanView.Pending> distinct = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, List<PlanView.Tenant>> group : ordered) {
            List<PlanView.Tenant> tenants = group.getValue();
            PlanView.Tenant first = tenants.get(0);
            out.println();
            out.println(Text.plural(tenants.size(), "tenant") + " at " + Text.head(first.head()) + ": "
                    + Text.list(tenants.stream().map(PlanView.Tenant::slug).toList(), SLUGS_PER_GROUP));
            if (!first.drift().isEmpty()) {
                out.println("  drift (the database differs from the changelog history):");
                first.drift().forEach(d -> out.println("    ~ " + Text.node(d)));
            }
            if (first.pending().isEmpty()) {
                out.println("  nothing pending");
                continue;
            }
            out.println("  " + Text.plural(first.pending().size(), "pending changeset") + ":");
            for (PlanView.Pending pending : first.pending()) {
                distinct.putIfAbsent(name(pending), pending);
                out.println("    " + name(pending) + flags(pending));
                pending.warnings()
                        .forEach(w -> out.println("      ! " + (w.kind() == null ? "WARNING" : w.kind()) + ": "
                                + Text.oneLine(w.message(), 300)));
            }
        }
        out.println();
        out.println(totals(distinct.values(), plan));
        out.flush();
    }

    private static String totals(Collection<PlanView.Pending> pendings, PlanView plan) {
        if (pendings.isEmpty()) {
            return nothingToMigrate(plan);
        }
        Map<String, Integer> byKind = new TreeMap<>();
        Set<String> warned = new LinkedHashSet<>();
        int nonTransactional = 0;
        int noRollback = 0;
        for (PlanView.Pending pending : pendings) {
            for (PlanView.Warning warning : pending.warnings()) {
                byKind.merge(warning.kind() == null ? "WARNING" : warning.kind(), 1, Integer::sum);
                warned.add(name(pending));
            }
            if (Boolean.FALSE.equals(pending.runInTransaction())) {
                nonTransactional++;
            }
            if (Boolean.FALSE.equals(pending.rollbackSupported())) {
                noRollback++;
            }
        }
        StringBuilder text = new StringBuilder("Warnings: ");
        if (warned.isEmpty()) {
            text.append("none of the ")
                    .append(Text.plural(pendings.size(), "pending changeset"))
                    .append(" carries a migration-safety warning");
        } else {
            text.append(warned.size())
                    .append(" of ")
                    .append(Text.plural(pendings.size(), "pending changeset"))
                    .append(" carry migration-safety warnings (");
            byKind.forEach(
                    (kind, count) -> text.append(kind).append(' ').append(count).append(", "));
            text.setLength(text.length() - 2);
            text.append(')');
        }
        if (nonTransactional > 0) {
            text.append("; ")
                    .append(nonTransactional)
                    .append(" run")
                    .append(nonTransactional == 1 ? "s" : "")
                    .append(" outside a transaction (needs --allow-non-transactional)");
        }
        if (noRollback > 0) {
            text.append("; ")
                    .append(noRollback)
                    .append(noRollback == 1 ? " has" : " have")
                    .append(" no rollback (--on-failure rollback will be refused)");
        }
        return text.append('.').toString();
    }

    /** Says which tenants are at the target and which are ahead of it (or could not be read), never lumping them. */
    public static String nothingToMigrate(PlanView plan) {
        Map<String, Long> byStanding = new TreeMap<>();
        plan.tenants().forEach(t -> byStanding.merge(t.standing() == null ? "AT_TARGET" : t.standing(), 1L, Long::sum));
        long ahead = byStanding.getOrDefault("AHEAD", 0L);
        long unreadable = byStanding.getOrDefault("UNREADABLE", 0L);
        long atTarget = plan.tenants().size() - ahead - unreadable;
        if (ahead == 0 && unreadable == 0) {
            return "Nothing to migrate: every tenant is at the target.";
        }
        List<String> parts = new ArrayList<>();
        if (atTarget > 0) {
            parts.add(atTarget + " at the target");
        }
        if (ahead > 0) {
            parts.add((ahead == plan.tenants().size() ? "every tenant is" : ahead + (ahead == 1 ? " is" : " are"))
                    + " ahead of the target " + plan.targetTag());
        }
        if (unreadable > 0) {
            parts.add(unreadable + " could not be read");
        }
        return "Nothing to migrate: " + String.join(", ", parts) + ".";
    }

    private static String flags(PlanView.Pending pending) {
        List<String> flags = new ArrayList<>();
        if (Boolean.FALSE.equals(pending.runInTransaction())) {
            flags.add("non-transactional");
        }
        if (Boolean.FALSE.equals(pending.rollbackSupported())) {
            flags.add("no rollback");
        }
        return flags.isEmpty() ? "" : "  [" + String.join(", ", flags) + "]";
    }

    private static String name(PlanView.Pending pending) {
        if (pending.key() != null && !pending.key().isBlank()) {
            return pending.key();
        }
        return pending.filePath() + "::" + pending.id() + "::" + pending.author();
    }
}
