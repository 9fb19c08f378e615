package dev.tenantfleet.deploy.program;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Derives a {@link Program} from a module's sources: application.properties, @ConfigMapping, Java, Dockerfile. */
final class ProgramLoader {
    // Properties Quarkus sets itself at start (a random instance id): an expression using one needs nothing from
    // outside.
    private static final Set<String> PROVIDED_BY_QUARKUS = Set.of("quarkus.uuid");

    private ProgramLoader() {}

    static Program load(Path module, Path dockerfile) {
        String name = module.getFileName().toString();
        JavaSources sources = JavaSources.parse(module.resolve("src/main/java"));
        List<MappedKey> mapped = ConfigMappingKeys.of(sources);
        Path propertiesFile = module.resolve("src/main/resources/application.properties");
        Optional<ApplicationProperties> properties = Files.isRegularFile(propertiesFile)
                ? Optional.of(ApplicationProperties.load(propertiesFile))
                : Optional.empty();
        DockerfileFacts facts = DockerfileFacts.read(dockerfile);

        Set<String> names = new HashSet<>(JavaEnvReferences.of(sources));
        names.addAll(facts.entrypointEnv());
        List<Pattern> patterns = new ArrayList<>();
        mapped.forEach(key -> {
            if (key.exact() && !key.list()) {
                names.add(EnvForm.of(key.property()));
            } else {
                patterns.add(key.envPattern());
            }
        });
        List<Requirement> required = new ArrayList<>(OperationalRequirements.of(name));
        properties.ifPresent(p -> addProperties(p, names, required));
        mapped.stream()
                .filter(key -> key.required() && key.exact())
                .filter(key ->
                        properties.map(p -> p.raw(key.property()).isEmpty()).orElse(true))
                .forEach(key -> required.add(Requirement.of(key.property(), Set.of(EnvForm.of(key.property())))));
        return new Program(
                name,
                module,
                new EnvReads(names, patterns),
                List.copyOf(required),
                properties.map(QuarkusHttp::new),
                facts);
    }

    /** Every key's environment form, every name its value refers to, and what a value needs from the environment. */
    private static void addProperties(ApplicationProperties properties, Set<String> names, List<Requirement> required) {
        for (String key : properties.keys()) {
            names.add(EnvForm.of(key));
            properties.raw(key).ifPresent(value -> Expression.names(value).forEach(n -> names.add(EnvForm.of(n))));
            Set<String> missing = new HashSet<>(properties.requiredFromEnvironment(key));
            missing.removeAll(PROVIDED_BY_QUARKUS);
            if (!missing.isEmpty()) {
                Set<String> anyOf = new HashSet<>(missing);
                anyOf.add(EnvForm.of(key));
                required.add(Requirement.of(key, anyOf));
            }
        }
    }
}
