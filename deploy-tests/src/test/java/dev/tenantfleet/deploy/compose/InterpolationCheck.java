package dev.tenantfleet.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml and .env.example agree: every variable the file interpolates without a default is defined in
 * .env.example (or `docker compose up` after `cp .env.example .env` fails or runs with an empty secret), every
 * .env.example entry is used, and the example secrets say they are examples.
 */
final class InterpolationCheck implements ComposeCheck {
    // ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt} and $VAR; $$ is a literal $.
    private static final Pattern INTERPOLATION =
            Pattern.compile("(?<!\\$)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?|([A-Za-z_][A-Za-z0-9_]*))");

    @Override
    public void check(ComposeProject project, Problems problems) {
        Map<String, Boolean> used = new TreeMap<>(); // name -> needs a value from .env
        scalars(project.document(), used);
        Map<String, String> example = project.envExample().values();
        used.forEach((name, needsValue) -> {
            if (needsValue && !example.containsKey(name)) {
                problems.add("docker-compose.yml", "uses ${" + name + "}, which .env.example does not define");
            }
        });
        example.forEach((name, value) -> {
            if (!used.containsKey(name)) {
                problems.add(".env.example: " + name, "docker-compose.yml does not use it");
            }
            if (EnvironmentCheck.SECRET.matcher(name).matches()
                    && !value.toLowerCase().contains("example")) {
                problems.add(".env.example: " + name, "an example secret must say it is one (contain \"example\")");
            }
        });
        if (example.containsKey("TENANTFLEET_KEYS")) {
            KeyRingFormat.problems(example.get("TENANTFLEET_KEYS"))
                    .forEach(problem -> problems.add(".env.example: TENANTFLEET_KEYS", problem));
        }
    }

    /** Interpolations in every scalar (comments are not part of the tree, so they never count). */
    private static void scalars(JsonNode node, Map<String, Boolean> used) {
        if (node.isContainerNode()) {
            node.forEach(child -> scalars(child, used));
            return;
        }
        Matcher matcher = INTERPOLATION.matcher(node.asText());
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            String operator = matcher.group(2);
            boolean needsValue = operator == null || operator.contains("?");
            used.merge(name, needsValue, Boolean::logicalOr);
        }
    }
}
