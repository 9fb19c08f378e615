package dev.tenantfleet.service.adoption;

import java.util.List;

/**
 * What a database said about itself when it was checked for adoption.
 *
 * @param head        the tag it is at per its Liquibase history (null: none)
 * @param baselineTag the tag to record the changelog as applied up to before registering it; null for no baseline
 * @param notes       things worth knowing that do not stop the adoption
 * @param problems    why it cannot be adopted as it is; empty when it can
 */
record Inspection(String head, String baselineTag, List<String> notes, List<RowProblem> problems) {
    Inspection {
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    static Inspection rejected(RowProblem problem) {
        return new Inspection(null, null, List.of(), List.of(problem));
    }

    /** The head the tenant is registered at: the baseline's when one is recorded. */
    String registeredHead() {
        return baselineTag != null ? baselineTag : head;
    }
}
