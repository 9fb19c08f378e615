package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.tenantctl.api.AdoptionView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what an adoption did: one line per adopted tenant, and for an import every problem of every rejected row
 * (all at once, so one run shows everything to fix), the registered tenants grouped by head, notes, and one hint per
 * kind of problem.
 */
public final class AdoptionPrinter {
    static final int SLUGS_PER_LINE = 20;

    private AdoptionPrinter() {}

    /** One adoption's result. */
    public static void printRow(PrintWriter out, AdoptionView.Row row) {
        String where = "database " + row.database() + " on server " + row.server();
        switch (String.valueOf(row.outcome())) {
            case "REGISTERED" ->
                out.println("adopted " + row.slug() + ": " + where + ", schema head " + Text.head(row.schemaHead())
                        + origin(row));
            case "ALREADY_REGISTERED" ->
                out.println(row.slug() + " is already registered (" + where + ", schema head "
                        + Text.head(row.schemaHead()) + "): nothing changed");
            case "VALID" ->
                out.println("dry run: " + row.slug() + " can be adopted: " + where + ", schema head "
                        + Text.head(row.schemaHead()) + (row.baselined() ? " (a baseline would be recorded)" : "")
                        + "; nothing changed");
            default -> {
                out.println(row.slug() + " was not adopted (" + where + "):");
                problems(out, row.problems(), "  ");
            }
        }
        row.notes().forEach(note -> out.println("  note: " + note));
        hints(out, row.problems());
        out.flush();
    }

    /** A rejected single adoption, from its problem answer. */
    public static void printRejection(PrintWriter out, String slug, AdoptionView.Rejection rejection) {
        out.println(slug + " was not adopted:");
        if (rejection.problems().isEmpty()) {
            out.println("  " + rejection.detail());
        }
        problems(out, rejection.problems(), "  ");
        hints(out, rejection.problems());
        out.flush();
    }

    /** An import's report. */
    public static void printReport(PrintWriter out, String file, AdoptionView.Report report) {
        out.println((report.dryRun() ? "Dry run of the import of " : "Import of ") + file + ": "
                + Text.plural(report.total(), "row") + ": "
                + (report.dryRun() ? report.valid() + " can be adopted, " : report.registered() + " registered, ")
                + report.alreadyRegistered() + " already registered, "
                + report.rejected() + " rejected");
        List<AdoptionView.Row> rejected = rows(report, "REJECTED");
        if (!rejected.isEmpty()) {
            out.println("Rejected (" + rejected.size() + "):");
            for (AdoptionView.Row row : rejected) {
                out.println("  line " + row.line() + " " + (row.slug() == null ? "(no slug)" : row.slug()) + ":");
                problems(out, row.problems(), "    ");
            }
        }
        byHead(out, "Registered", rows(report, "REGISTERED"));
        byHead(out, "Can be adopted (dry run, nothing registered)", rows(report, "VALID"));
        byHead(out, "Already registered", rows(report, "ALREADY_REGISTERED"));
        List<String> notes = new ArrayList<>();
        for (AdoptionView.Row row : report.rows()) {
            row.notes().forEach(note -> notes.add("line " + row.line() + " " + row.slug() + ": " + note));
        }
        if (!notes.isEmpty()) {
            out.println("Notes (" + notes.size() + "):");
            notes.forEach(note -> out.println("  " + note));
        }
        hints(out, rejected.stream().flatMap(row -> row.problems().stream()).toList());
        out.flush();
    }

    private static List<AdoptionView.Row> rows(AdoptionView.Report report, String outcome) {
        return report.rows().stream()
                .filter(row -> outcome.equals(row.outcome()))
                .toList();
    }

    private static void byHead(PrintWriter out, String label, List<AdoptionView.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println(label + " (" + rows.size() + "):");
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (AdoptionView.Row row : rows) {
            String group = "at " + Text.head(row.schemaHead())
                    + (!row.baselined() ? "" : "VALID".equals(row.outcome()) ? ", with a baseline" : ", baselined");
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(row.slug());
        }
        groups.forEach((group, slugs) ->
                out.println("  " + group + " (" + slugs.size() + "): " + Text.list(slugs, SLUGS_PER_LINE)));
    }

    private static void problems(PrintWriter out, List<AdoptionView.RowProblem> problems, String indent) {
        for (AdoptionView.RowProblem problem : problems) {
            out.println(indent + problem.code() + (problem.field() == null ? "" : " (" + problem.field() + ")") + ": "
                    + problem.message());
        }
    }

    /** One hint per kind of problem, after the list. */
    private static void hints(PrintWriter out, List<AdoptionView.RowProblem> problems) {
        Map<String, String> hints = new LinkedHashMap<>();
        problems.stream().filter(p -> p.hint() != null).forEach(p -> hints.putIfAbsent(p.code(), p.hint()));
        if (!hints.isEmpty()) {
            out.println("What to do:");
            hints.forEach((code, hint) -> out.println("  " + code + ": " + hint));
        }
    }

    private static String origin(AdoptionView.Row row) {
        if (row.baselined()) {
            return " (baseline recorded)";
        }
        return row.schemaHead() == null ? "" : " (from its Liquibase history)";
    }
}
