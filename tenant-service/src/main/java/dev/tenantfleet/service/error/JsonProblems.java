package dev.tenantfleet.service.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Describes a body Jackson could not read for the caller: which field (as a JSON path, {@code spec.targetTag},
 * {@code [2].slug}) and what it should have held, in JSON terms. Jackson's own messages name Java classes instead.
 */
final class JsonProblems {
    private static final int MAX_QUOTED = 60;

    private JsonProblems() {}

    /**
     * The detail of a problem for a body the JSON reader refused with {@code cause} (Quarkus wraps what Jackson throws
     * in a 400 WebApplicationException): a mapping error names its field, a syntax error where it is.
     */
    static String detail(Throwable cause) {
        if (cause instanceof JsonMappingException mapping) {
            return detail(mapping);
        }
        if (cause instanceof StreamReadException syntax) {
            JsonParser parser = syntax.getProcessor();
            String field = parser != null && parser.getParsingContext() != null
                    ? parser.getParsingContext().getCurrentName()
                    : null;
            String where = syntax.getLocation() == null
                    ? ""
                    : " at line " + syntax.getLocation().getLineNr() + ", column "
                            + syntax.getLocation().getColumnNr();
            return (field == null ? "the request body is not valid JSON" : "field '" + field + "' is not valid") + where
                    + ": " + abbreviate(syntax.getOriginalMessage());
        }
        return "the request body is not valid JSON for this endpoint";
    }

    /** The detail of a problem for {@code e}. */
    static String detail(JsonMappingException e) {
        String field = field(e);
        String where = field.isEmpty() ? "the request body" : "field '" + field + "'";
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return where + " " + invalid.getOriginalMessage(); // our own message (a NUL character), already plain
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return where + ": " + quoted(invalid.getValue()) + " is not " + expected(invalid.getTargetType());
        }
        if (e instanceof ValueInstantiationException
                && e.getCause() != null
                && e.getCause().getMessage() != null) {
            // a record's constructor refused the values (ReleaseSpec: "concurrency ... must be >= 1"): its words are
            // ours
            return where + " is invalid: " + e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return where + " must be " + expected(mismatched.getTargetType());
        }
        return where + " cannot be read";
    }

    /** The JSON path of the field {@code e} is about; empty for the body itself. */
    static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type)
                || type.isRecord()
                || !type.getName().startsWith("java.")) {
            return "a JSON object";
        }
        return "a " + type.getSimpleName();
    }

    private static String abbreviate(String message) {
        String text = message == null ? "" : message;
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text) + "'";
    }
}
