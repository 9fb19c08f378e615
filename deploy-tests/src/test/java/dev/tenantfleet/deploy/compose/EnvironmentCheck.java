package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.Suggestions;
import dev.tenantfleet.deploy.program.Program;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every variable a service built here gets is one it reads, and the required ones are there; secrets come from .env
 * (an interpolation), never a literal in the file; hosts name services of the file.
 */
final class EnvironmentCheck implements ComposeCheck {
    static final Pattern SECRET = Pattern.compile(".*(PASSWORD|_PASS|TOKEN|_KEYS|SECRET)$");
    private static final Pattern URL_HOST = Pattern.compile("//([^/:@]+)(:\\d+)?(/|$)");

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            Map<String, String> env = service.environment();
            env.forEach((name, value) -> {
                if (SECRET.matcher(name).matches() && !value.contains("${")) {
                    problems.add(
                            service.where() + ".environment." + name,
                            "a secret must come from .env (${" + name + "}), not be written in the file");
                }
            });
            project.program(service).ifPresent(program -> checkProgram(project, service, program, env, problems));
        }
    }

    private static void checkProgram(
            ComposeProject project,
            ComposeService service,
            Program program,
            Map<String, String> env,
            Problems problems) {
        env.forEach((name, value) -> {
            String where = service.where() + ".environment." + name;
            if (!program.reads().reads(name)) {
                problems.add(
                        where,
                        program.name() + " does not read " + name
                                + Suggestions.hint(name, program.reads().names()));
            }
            if (!value.contains("${")) {
                host(name, value)
                        .filter(host -> !project.hasService(host))
                        .ifPresent(host -> problems.add(where, "host " + host + " is not a service of this file"));
            }
        });
        program.required().stream()
                .filter(requirement -> !requirement.metBy(env))
                .forEach(requirement -> problems.add(
                        service.where() + ".environment", program.name() + " requires " + requirement.describe()));
    }

    /** The host a *_HOST variable names, or the host of a *_URL. */
    private static Optional<String> host(String name, String value) {
        if (name.endsWith("_HOST")) {
            return Optional.of(value.trim());
        }
        Matcher matcher = URL_HOST.matcher(value);
        return name.endsWith("_URL") && matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
