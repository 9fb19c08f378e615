package dev.tenantfleet.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Every drift a check found, each with where it is, so one run reports all of them at once instead of stopping at
 * the first.
 */
public final class Problems {
    private final List<String> problems = new ArrayList<>();

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
