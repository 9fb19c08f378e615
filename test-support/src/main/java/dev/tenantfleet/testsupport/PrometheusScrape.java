package dev.tenantfleet.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One scrape of a Prometheus text endpoint ({@code /q/metrics}), parsed into samples, so tests assert on values
 * instead of on substrings of the exposition format.
 */
public final class PrometheusScrape {
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the exposition: a series name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** Parses the body of a scrape; comments ({@code # HELP}, {@code # TYPE}) are skipped. */
    public static PrometheusScrape parse(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(3))));
        }
        return new PrometheusScrape(samples);
    }

    private static double number(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** Every sample. */
    public List<Sample> samples() {
        return samples;
    }

    /** The names of every series scraped. */
    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }

    /**
     * The value of the one series named {@code name} whose labels include {@code labels} (name, value, name,
     * value...); empty when there is none.
     *
     * @throws IllegalStateException when several series match (the labels are not specific enough)
     */
    public OptionalDouble value(String name, String... labels) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name) && has(sample, labels))
                .toList();
        if (matching.size() > 1) {
            throw new IllegalStateException(matching.size() + " series match " + name + " " + List.of(labels));
        }
        return matching.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(matching.get(0).value());
    }

    /** The value of {@link #value(String, String...)}, or 0 when the series does not exist (yet). */
    public double valueOrZero(String name, String... labels) {
        return value(name, labels).orElse(0);
    }

    private static boolean has(Sample sample, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
