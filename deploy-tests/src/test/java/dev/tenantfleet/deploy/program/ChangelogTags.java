package dev.tenantfleet.deploy.program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tags of a Liquibase XML changelog, in changelog order: its {@code tagDatabase} changesets and those of the files
 * it {@code include}s. Enough for the repository's changelogs; anything it cannot follow ({@code includeAll}, another
 * format, a file outside the repository) gives no answer rather than a wrong one.
 */
public final class ChangelogTags {
    private static final Pattern ELEMENT = Pattern.compile("<(include|includeAll|tagDatabase)\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z]+)\\s*=\\s*\"([^\"]*)\"");

    private ChangelogTags() {}

    /** The tags of the changelog at {@code location} (a {@code classpath:} location of a module of {@code root}). */
    public static Optional<List<String>> of(Path root, String location) {
        if (!location.startsWith("classpath:")) {
            return Optional.empty();
        }
        String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
        return resourceRoots(root)
                .filter(dir -> Files.isRegularFile(dir.resolve(resource)))
                .findFirst()
                .flatMap(dir -> tags(dir, dir.resolve(resource)));
    }

    private static Optional<List<String>> tags(Path resources, Path changelog) {
        if (!changelog.toString().endsWith(".xml") || !Files.isRegularFile(changelog)) {
            return Optional.empty();
        }
        List<String> tags = new ArrayList<>();
        Matcher element = ELEMENT.matcher(read(changelog).replaceAll("(?s)<!--.*?-->", ""));
        while (element.find()) {
            Matcher attributes = ATTRIBUTE.matcher(element.group(2));
            Map<String, String> values = new HashMap<>();
            while (attributes.find()) {
                values.put(attributes.group(1), attributes.group(2));
            }
            switch (element.group(1)) {
                case "tagDatabase" -> tags.add(values.getOrDefault("tag", ""));
                case "include" -> {
                    String file = values.getOrDefault("file", "");
                    Path included = "true".equals(values.get("relativeToChangelogFile"))
                            ? changelog.getParent().resolve(file)
                            : resources.resolve(file);
                    Optional<List<String>> nested = tags(resources, included.normalize());
                    if (nested.isEmpty()) {
                        return Optional.empty();
                    }
                    tags.addAll(nested.get());
                }
                default -> {
                    return Optional.empty(); // includeAll: the order depends on a directory listing
                }
            }
        }
        return Optional.of(tags);
    }

    /** src/main/resources of every module, the examples' included. */
    private static Stream<Path> resourceRoots(Path root) {
        return Stream.of(root, root.resolve("examples"))
                .filter(Files::isDirectory)
                .flatMap(ChangelogTags::list)
                .map(module -> module.resolve("src/main/resources"))
                .filter(Files::isDirectory);
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
