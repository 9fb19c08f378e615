package dev.tenantfleet.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every drift a check found, each with where it is, so one run reports all of them at once instead of stopping at
 * the first. The same problem reached twice (through an object and through the patch over it) is reported once.
 */
public final class Problems {
    private final Set<String> problems = new LinkedHashSet<>();

    /** Records one problem at {@code where} (a file and the path inside it). */
    public void add(String where, String message) {
        problems.add(where + ": " + message);
    }

    public List<String> all() {
        return List.copyOf(problems);
    }

    @Override
    public String toString() {
        return problems.isEmpty() ? "no problems" : String.join("\n", problems);
    }
}
