package dev.tenantfleet.deploy.program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile says that deployments depend on: the ports it exposes, the user it runs as, the files it copies
 * from the build context, the environment its entrypoint reads ({@code $JAVA_OPTS}: a variable compose and
 * Kubernetes may set although the application itself never reads it), and the packages it installs itself.
 *
 * @param path         the Dockerfile
 * @param exposed      EXPOSE ports
 * @param user         the last USER, or null (root)
 * @param copySources  source paths of COPY/ADD, relative to the build context
 * @param entrypointEnv variables referenced by ENTRYPOINT/CMD
 * @param installed    packages a RUN installs (apt-get/apt install, apk add, dnf/microdnf/yum install)
 */
public record DockerfileFacts(
        Path path,
        Set<Integer> exposed,
        String user,
        List<String> copySources,
        Set<String> entrypointEnv,
        Set<String> installed) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    // A package manager's install command; the package names follow it, up to the end of the shell command.
    private static final Pattern INSTALL = Pattern.compile(
            "\\b(?:apt-get|apt|dnf|microdnf|yum)\\s+(?:\\S+\\s+)*?install\\b|\\bapk\\s+(?:\\S+\\s+)*?add\\b");

    public static DockerfileFacts read(Path dockerfile) {
        Set<Integer> exposed = new LinkedHashSet<>();
        List<String> copySources = new ArrayList<>();
        Set<String> entrypointEnv = new LinkedHashSet<>();
        Set<String> installed = new LinkedHashSet<>();
        String user = null;
        for (String line : instructions(dockerfile)) {
            String[] words = line.trim().split("\\s+");
            String args = line.trim().substring(words[0].length()).trim();
            switch (words[0].toUpperCase(Locale.ROOT)) {
                case "EXPOSE" ->
                    List.of(args.split("\\s+")).forEach(p -> exposed.add(Integer.parseInt(p.split("/")[0])));
                case "USER" -> user = args;
                case "RUN" -> installed.addAll(installedBy(args));
                case "COPY", "ADD" ->
                    List.of(words).subList(1, words.length - 1).stream()
                            .filter(word -> !word.startsWith("--"))
                            .forEach(copySources::add);
                case "ENTRYPOINT", "CMD" -> {
                    Matcher matcher = VARIABLE.matcher(args);
                    while (matcher.find()) {
                        entrypointEnv.add(matcher.group(1));
                    }
                }
                default -> {}
            }
        }
        return new DockerfileFacts(dockerfile, exposed, user, copySources, entrypointEnv, installed);
    }

    /** Packages a RUN line installs: the words after each install command that are no options, pins cut off. */
    static Set<String> installedBy(String run) {
        Set<String> packages = new LinkedHashSet<>();
        for (String command : run.split("&&|\\|\\||;|\\|")) {
            Matcher install = INSTALL.matcher(command);
            if (install.find()) {
                for (String word : command.substring(install.end()).trim().split("\\s+")) {
                    if (!word.isEmpty() && !word.startsWith("-")) {
                        packages.add(word.split("[=<>]")[0]);
                    }
                }
            }
        }
        return packages;
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
                current.append(continued ? line.substring(0, line.length() - 1) : line)
                        .append(' ');
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
