package dev.tenantfleet.service.adoption;

import java.util.List;

/**
 * What became of one row of an adoption.
 *
 * @param line       the row's CSV line, or its position in the JSON array (from 1)
 * @param outcome    registered now, registered before (nothing changed), rejected, or valid (dry run)
 * @param schemaHead the tag the tenant is registered at (its history's, or the baseline); null when none
 * @param baselined  whether the changelog was recorded as applied up to {@code schemaHead} (changelog-sync); in a
 *                   dry run, whether it would be
 * @param notes      things worth knowing that did not stop the row (a baseline tag ignored, an empty database ...)
 * @param problems   why the row was rejected; empty otherwise
 */
public record AdoptionResult(
        int line,
        String slug,
        Outcome outcome,
        String server,
        String database,
        String schemaHead,
        boolean baselined,
        List<String> notes,
        List<RowProblem> problems) {

    /** What became of a row; VALID only in a dry run: it would be registered (and baselined if so said). */
    public enum Outcome {
        REGISTERED,
        ALREADY_REGISTERED,
        REJECTED,
        VALID
    }

    public AdoptionResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static AdoptionResult rejected(Candidate row, List<RowProblem> problems) {
        return rejected(row, row.server(), List.of(), problems);
    }

    /** {@code row} rejected for {@code problems}, on {@code server} as resolved, with what was noticed on the way. */
    static AdoptionResult rejected(Candidate row, String server, List<String> notes, List<RowProblem> problems) {
        return new AdoptionResult(
                row.line(), row.slug(), Outcome.REJECTED, server, row.database(), null, false, notes, problems);
    }

    /** {@code row} valid (a dry run) or registered, at {@code head}. */
    static AdoptionResult accepted(
            Candidate row, Outcome outcome, String server, String head, boolean baselined, List<String> notes) {
        return new AdoptionResult(
                row.line(), row.slug(), outcome, server, row.database(), head, baselined, notes, List.of());
    }
}
