package dev.tenantfleet.deploy.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/** A .env file as Docker Compose reads it: {@code KEY=value} lines, {@code #} comments, optional quotes. */
public record DotEnv(Map<String, String> values) {

    public static DotEnv parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                continue;
            }
            String value = trimmed.substring(equals + 1).trim();
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(trimmed.substring(0, equals).trim(), value);
        }
        return new DotEnv(values);
    }
}
