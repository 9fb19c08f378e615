package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.util.List;

/**
 * One row of an adoption once read: its password already encrypted, its fields checked on their own (problems listed,
 * the row is rejected when there are any).
 *
 * @param server      the server name as given; null or blank means the default server
 * @param status      null when the given status is invalid (a problem says so)
 * @param baselineTag the row's baseline tag, else the request's default; null for none
 */
record Candidate(
        int line,
        String slug,
        String name,
        String server,
        String database,
        String username,
        EncryptedSecret password,
        TenantStatus status,
        String baselineTag,
        List<RowProblem> problems) {

    Candidate {
        problems = List.copyOf(problems);
    }

    /**
     * Whether the row says enough to log in to its database (its database and username are usable): then it is
     * inspected even when other fields have problems, so every problem is reported at once.
     */
    boolean canConnect() {
        return database != null
                && username != null
                && password != null
                && problems.stream().noneMatch(p -> "database".equals(p.field()) || "username".equals(p.field()));
    }

    /** A row that could not even be read (a CSV line with too many fields): only its problem. */
    static Candidate unreadable(int line, RowProblem problem) {
        return new Candidate(line, null, null, null, null, null, null, null, null, List.of(problem));
    }
}
