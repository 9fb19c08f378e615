package dev.tenantfleet.deploy.program;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A setting a program cannot start (or work) without, met by any one of several variables: tenantfleet.api-token is
 * set by {@code SYSTEM_API_TOKEN} or by {@code TENANTFLEET_API_TOKEN}.
 *
 * @param setting what is required, for messages
 * @param anyOf   the variables that provide it
 * @param waived  an environment in which it is not needed (identity-consumer without its cleanup needs no key ring)
 */
public record Requirement(String setting, Set<String> anyOf, Predicate<Map<String, String>> waived) {

    public static Requirement of(String setting, Set<String> anyOf) {
        return new Requirement(setting, Set.copyOf(anyOf), env -> false);
    }

    public boolean metBy(Map<String, String> env) {
        return waived.test(env) || anyOf.stream().anyMatch(env::containsKey);
    }

    public String describe() {
        return setting + " (set " + String.join(" or ", new TreeSet<>(anyOf)) + ")";
    }
}
