package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import java.util.stream.Collectors;

/** A single adoption was rejected: its result lists every problem (answered 422 with them). */
public class AdoptionRejectedException extends TenantFleetException {
    private final transient AdoptionResult result;

    public AdoptionRejectedException(AdoptionResult result) {
        super(
                TenantErrorCode.ADOPTION_REJECTED,
                "tenant '" + result.slug() + "' (database " + result.database()
                        + " on server " + result.server() + ") cannot be adopted: "
                        + result.problems().stream().map(RowProblem::message).collect(Collectors.joining("; ")));
        this.result = result;
    }

    /** The rejected row, with its problems. */
    public AdoptionResult result() {
        return result;
    }
}
