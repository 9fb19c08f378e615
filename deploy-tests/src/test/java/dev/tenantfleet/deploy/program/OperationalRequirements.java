package dev.tenantfleet.deploy.program;

import java.util.List;
import java.util.Set;

/**
 * Requirements that no default in the sources expresses, because the program starts without them but cannot do its
 * job (docs/configuration.md, "Required"): identity-consumer's key ring has an empty default, yet every membership
 * cleanup fails without it; tenantctl needs the API token for --wait and every REST command.
 */
final class OperationalRequirements {
    private OperationalRequirements() {}

    static List<Requirement> of(String program) {
        return switch (program) {
            case "identity-consumer" ->
                List.of(new Requirement(
                        "identity.cleanup.keys",
                        Set.of("TENANTFLEET_KEYS", "IDENTITY_CLEANUP_KEYS"),
                        env -> "false"
                                .equalsIgnoreCase(env.getOrDefault("IDENTITY_CLEANUP_ENABLED", "true")
                                        .trim())));
            case "tenantctl" -> List.of(Requirement.of("the API token", Set.of("SYSTEM_API_TOKEN")));
            default -> List.of();
        };
    }
}
