package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.error.TenantErrorCode;

/**
 * Why a row cannot be adopted as it is.
 *
 * @param code    stable code to match on
 * @param field   the field at fault ({@code slug}, {@code database} ...), null when it is about the database itself
 * @param message what exactly, for a human
 * @param hint    what to do about it
 */
public record RowProblem(TenantErrorCode code, String field, String message, String hint) {

    static RowProblem of(TenantErrorCode code, String field, String message) {
        return new RowProblem(code, field, message, code.hint());
    }

    static RowProblem of(TenantErrorCode code, String message) {
        return of(code, null, message);
    }
}
