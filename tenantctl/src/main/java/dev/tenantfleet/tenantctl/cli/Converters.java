package dev.tenantfleet.tenantctl.cli;

import dev.tenantfleet.model.release.FailureBudget;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for tenantctl's option values. */
public final class Converters {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private Converters() {}

    /**
     * {@code 120s}, {@code 2m}, {@code 1h30m}, {@code 500ms}, a plain number of seconds ({@code 90}) or ISO-8601
     * ({@code PT2M}).
     */
    public static Duration parseDuration(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new TypeConversionException("'" + text + "' is not a duration (use e.g. 120s, 2m, 1h30m)");
        }
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.startsWith("pt") || value.startsWith("p")) {
            try {
                Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (duration.isNegative()) {
                    throw new TypeConversionException("'" + text + "' is negative");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + text + "' is not a duration (use e.g. 120s, 2m, 1h30m)");
            }
        }
        Matcher matcher = DURATION_PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(
                    switch (matcher.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        default -> Duration.ofMillis(amount);
                    });
            end = matcher.end();
        }
        if (end != value.length()) {
            throw new TypeConversionException("'" + text + "' is not a duration (use e.g. 120s, 2m, 1h30m)");
        }
        return total;
    }

    /** {@code 2} = two failures per cohort, {@code 10%} = ten percent of each cohort. */
    public static FailureBudget parseBudget(String text) {
        String value = text == null ? "" : text.trim();
        try {
            if (value.endsWith("%")) {
                return new FailureBudget(
                        null,
                        Integer.parseInt(value.substring(0, value.length() - 1).trim()));
            }
            return new FailureBudget(Integer.parseInt(value), null);
        } catch (NumberFormatException e) {
            throw new TypeConversionException(
                    "'" + text + "' is not a failure budget (a count like 2 or a percent " + "like 10%)");
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "': " + e.getMessage());
        }
    }

    /** {@code ACTIVE}, {@code active}, {@code read_only} and {@code read-only} all work. */
    public static TenantStatus parseStatus(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return TenantStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "' is not a tenant status (one of ACTIVE, READ_ONLY, "
                    + "SUSPENDED, DEACTIVATED, PROVISIONING, PROVISIONING_FAILED)");
        }
    }

    /** picocli adapter for {@link #parseDuration}. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parseDuration(value);
        }
    }

    /** picocli adapter for {@link #parseBudget}. */
    public static final class BudgetConverter implements ITypeConverter<FailureBudget> {
        @Override
        public FailureBudget convert(String value) {
            return parseBudget(value);
        }
    }

    /** picocli adapter for {@link #parseStatus}. */
    public static final class StatusConverter implements ITypeConverter<TenantStatus> {
        @Override
        public TenantStatus convert(String value) {
            return parseStatus(value);
        }
    }
}
