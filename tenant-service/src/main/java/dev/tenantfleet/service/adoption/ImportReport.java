package dev.tenantfleet.service.adoption;

import java.util.List;

/**
 * The result of an import: every row's outcome in input order, and the counts. An import partly succeeds: rows with
 * problems are rejected (all their problems listed), the others are registered. A dry run registers nothing: the rows
 * that would be registered are {@code valid}.
 */
public record ImportReport(
        int total,
        int registered,
        int alreadyRegistered,
        int rejected,
        int valid,
        boolean dryRun,
        List<AdoptionResult> rows) {

    static ImportReport of(List<AdoptionResult> rows, boolean dryRun) {
        int registered = 0;
        int already = 0;
        int rejected = 0;
        int valid = 0;
        for (AdoptionResult row : rows) {
            switch (row.outcome()) {
                case REGISTERED -> registered++;
                case ALREADY_REGISTERED -> already++;
                case REJECTED -> rejected++;
                case VALID -> valid++;
            }
        }
        return new ImportReport(rows.size(), registered, already, rejected, valid, dryRun, List.copyOf(rows));
    }
}
