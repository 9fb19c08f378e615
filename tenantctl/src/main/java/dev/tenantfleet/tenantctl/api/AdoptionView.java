package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An adoption's answer as tenant-service sends it: one row's result, or an import's report of every row. */
public final class AdoptionView {
    private AdoptionView() {}

    /** What became of one row ({@code outcome}: REGISTERED, ALREADY_REGISTERED, REJECTED, or VALID in a dry run). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            int line,
            String slug,
            String outcome,
            String server,
            String database,
            String schemaHead,
            boolean baselined,
            List<String> notes,
            List<RowProblem> problems) {
        public Row {
            notes = notes == null ? List.of() : notes;
            problems = problems == null ? List.of() : problems;
        }
    }

    /** Why a row was rejected. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowProblem(String code, String field, String message, String hint) {}

    /** An import's report: the counts and every row in input order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(
            int total, int registered, int alreadyRegistered, int rejected, int valid, boolean dryRun, List<Row> rows) {
        public Report {
            rows = rows == null ? List.of() : rows;
        }
    }

    /** A rejected single adoption (422 problem+json): its {@code problems}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rejection(String detail, String code, List<RowProblem> problems) {
        public Rejection {
            problems = problems == null ? List.of() : problems;
        }
    }
}
