package dev.tenantfleet.deploy.program;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The environment variables one program reads: exact names, plus patterns for map-valued settings
 * ({@code TENANTFLEET_SERVER_CREDENTIALS_<REF>_USERNAME}).
 */
public record EnvReads(Set<String> names, List<Pattern> patterns) {
    public EnvReads {
        names = Set.copyOf(new TreeSet<>(names));
        patterns = List.copyOf(patterns);
    }

    public boolean reads(String env) {
        return names.contains(env)
                || patterns.stream().anyMatch(p -> p.matcher(env).matches());
    }
}
