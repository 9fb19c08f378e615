package dev.tenantfleet.deploy.program;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's application.properties as a deployment sees it: the production profile only ({@code %test.} and other
 * profile lines never apply in a container), values resolved against an environment the way SmallRye Config does.
 */
public final class ApplicationProperties {
    private static final int MAX_DEPTH = 16;
    private final Map<String, String> values;

    private ApplicationProperties(Map<String, String> values) {
        this.values = values;
    }

    public static ApplicationProperties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> values.put(key, properties.getProperty(key)));
        return new ApplicationProperties(values);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public Optional<String> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value {@code key} takes with {@code env}: its environment form wins, then the file, expressions expanded. */
    public Optional<String> resolve(String key, Map<String, String> env) {
        return resolve(key, env, new HashSet<>(), 0);
    }

    /** Names {@code key}'s value needs from the environment because nothing else provides them (no default). */
    public Set<String> requiredFromEnvironment(String key) {
        Set<String> missing = new HashSet<>();
        raw(key).ifPresent(value -> Expression.expand(value, name -> lookup(name, Map.of(), missing, 1), missing));
        return missing;
    }

    private Optional<String> resolve(String key, Map<String, String> env, Set<String> missing, int depth) {
        String fromEnv = env.get(EnvForm.of(key));
        if (fromEnv != null) {
            return Optional.of(fromEnv);
        }
        return raw(key).map(value -> Expression.expand(value, name -> lookup(name, env, missing, depth + 1), missing));
    }

    private Optional<String> lookup(String name, Map<String, String> env, Set<String> missing, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("expression nesting too deep at " + name);
        }
        if (env.containsKey(name)) {
            return Optional.of(env.get(name));
        }
        return resolve(name, env, missing, depth);
    }
}
