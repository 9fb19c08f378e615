package dev.tenantfleet.service.http;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads query parameters that resources take as text, so that a value that is not a number or not one of an enum's
 * constants is a 400 naming the parameter. Typed {@code @QueryParam}s are answered 404 by JAX-RS when they cannot be
 * converted, with nothing to say which parameter was wrong.
 */
public final class QueryParameters {
    private QueryParameters() {}

    /** {@code value} as a whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    public static int intIn(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("query parameter '" + name + "' must be a whole number from " + min + " to " + max + ", not '"
                + abbreviate(value) + "'");
    }

    /** {@code value} as one of {@code type}'s constants; null when absent. */
    public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("query parameter '" + name + "' must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ", "[", "]"))
                    + ", not '" + abbreviate(value) + "'");
        }
    }

    /** The INVALID_PARAMETER of a query parameter. */
    public static TenantFleetException invalid(String message) {
        return new TenantFleetException(TenantErrorCode.INVALID_PARAMETER, message);
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
