package dev.tenantfleet.deploy.k8s;

import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in bytes: Kubernetes quantities ({@code 512Mi}, {@code 1G}) and the JVM's {@code -Xmx256m}. */
final class Memory {
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]i?|k)?");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
    private static final Map<String, Long> UNITS = Map.of(
            "",
            1L,
            "k",
            1000L,
            "K",
            1000L,
            "M",
            1000_000L,
            "G",
            1000_000_000L,
            "T",
            1000_000_000_000L,
            "Ki",
            1L << 10,
            "Mi",
            1L << 20,
            "Gi",
            1L << 30,
            "Ti",
            1L << 40);

    private Memory() {}

    static OptionalLong quantity(String text) {
        Matcher matcher = QUANTITY.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        String unit = matcher.group(2) == null ? "" : matcher.group(2);
        return OptionalLong.of((long) (Double.parseDouble(matcher.group(1)) * UNITS.get(unit)));
    }

    /** The heap limit in JVM options (the last -Xmx wins, as in the JVM), if any. */
    static OptionalLong maxHeap(String javaOptions) {
        Matcher matcher = XMX.matcher(javaOptions == null ? "" : javaOptions);
        OptionalLong heap = OptionalLong.empty();
        while (matcher.find()) {
            long shift = switch (matcher.group(2).toLowerCase()) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            heap = OptionalLong.of(Long.parseLong(matcher.group(1)) << shift);
        }
        return heap;
    }
}
