package dev.tenantfleet.deploy.program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile says that deployments depend on: the ports it exposes, the user it runs as, the files it copies
 * from the build context, and the environment its entrypoint reads ({@code $JAVA_OPTS}: a variable compose and
 * Kubernetes may set although the application itself never reads it).
 *
 * @param path         the Dockerfile
 * @param exposed      EXPOSE ports
 * @param user         the last USER, or null (root)
 * @param copySources  source paths of COPY/ADD, relative to the build context
 * @param entrypointEnv variables referenced by ENTRYPOINT/CMD
 */
public record DockerfileFacts(Path path, Set<Integer> exposed, String user, List<String> copySources,
        Set<String> entrypointEnv) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    public static DockerfileFacts read(Path dockerfile) {
        Set<Integer> exposed = new LinkedHashSet<>();
        List<String> copySources = new ArrayList<>();
        Set<String> entrypointEnv = new LinkedHashSet<>();
        String user = null;
        for (String line : instructions(dockerfile)) {
            String[] words = line.trim().split("\\s+");
            String args = line.trim().substring(words[0].length()).trim();
            switch (words[0].toUpperCase(java.util.Locale.ROOT)) {
                case "EXPOSE" -> List.of(args.split("\\s+")).forEach(p -> exposed.add(Integer.parseInt(p.split("/")[0])));
                case "USER" -> user = args;
                case "COPY", "ADD" -> List.of(words).subList(1, words.length - 1).stream()
                        .filter(word -> !word.startsWith("--")).forEach(copySources::add);
                case "ENTRYPOINT", "CMD" -> {
                    Matcher matcher = VARIABLE.matcher(args);
                    while (matcher.find()) {
                        entrypointEnv.add(matcher.group(1));
                    }
                }
                default -> { }
            }
        }
        return new DockerfileFacts(dockerfile, exposed, user, copySources, entrypointEnv);
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(Path dockerfile) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                if (line.trim().startsWith("#") || line.isBlank() && current.length() == 0) {
                    continue;
                }
                boolean continued = line.endsWith("\\");
                current.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
                if (!continued) {
                    result.add(current.toString());
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
