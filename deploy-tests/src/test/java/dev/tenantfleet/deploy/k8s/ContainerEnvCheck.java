package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.Suggestions;
import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.Programs;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every container runs an image this repository builds, and gets only variables its program reads (from env, or a
 * whole ConfigMap/Secret through envFrom), or variables its own $(VAR) references use; every reference resolves;
 * nothing it requires is missing.
 */
final class ContainerEnvCheck implements ManifestCheck {

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        for (PodContainer container : set.containers()) {
            String image = container.image().orElse(null);
            if (image == null) {
                problems.add(
                        container.where(),
                        container.owner().isObject()
                                ? "has no image"
                                : "patches a container the patched object does not have");
                continue;
            }
            programs.forImage(image)
                    .ifPresentOrElse(
                            program -> check(container, program, set, problems),
                            () -> problems.add(
                                    container.where(),
                                    "runs " + image + ", which no module of this repository builds"));
        }
    }

    private static void check(PodContainer container, Program program, ManifestSet set, Problems problems) {
        Set<String> referenced = VariableReferences.usedBy(container);
        container
                .container()
                .path("envFrom")
                .forEach(source -> ContainerEnv.source(source)
                        .ifPresent(ref -> checkEnvFrom(container, program, ref, referenced, set, problems)));
        Map<String, String> effective = ContainerEnv.effective(container, set);
        Set<String> defined = new HashSet<>(effective.keySet());
        ContainerEnv.mergedEnv(container)
                .forEach(entry -> defined.remove(entry.path("name").asText()));
        Set<String> own = new HashSet<>();
        container
                .container()
                .path("env")
                .forEach(entry -> own.add(entry.path("name").asText()));
        for (JsonNode entry : ContainerEnv.mergedEnv(container)) { // in order: $(VAR) sees only the entries before it
            if (own.contains(entry.path("name").asText())) {
                checkEntry(container, program, entry, defined, referenced, set, problems);
            }
            defined.add(entry.path("name").asText());
        }
        container
                .words()
                .forEach(word -> VariableReferences.undefined(word, defined)
                        .forEach(ref -> problems.add(
                                container.where() + " args",
                                "$(" + ref + ") is not defined: Kubernetes passes it on as the literal text")));
        if (container.owner().isObject()) {
            program.required().stream()
                    .filter(r -> !r.metBy(effective))
                    .forEach(r -> problems.add(container.where(), program.name() + " requires " + r.describe()));
        }
    }

    /** The ConfigMap or Secret exists, and every key it injects is a variable the program reads. */
    private static void checkEnvFrom(
            PodContainer container,
            Program program,
            ContainerEnv.Reference ref,
            Set<String> referenced,
            ManifestSet set,
            Problems problems) {
        String where = container.where() + " envFrom " + ref.name();
        set.data(ref.kind(), ref.name())
                .ifPresentOrElse(
                        data -> data.keySet().stream()
                                .map(key -> ref.prefix() + key)
                                .filter(name -> !program.reads().reads(name) && !referenced.contains(name))
                                .forEach(name -> problems.add(
                                        where,
                                        ref.kind() + " " + ref.name() + " injects " + name + ", which " + program.name()
                                                + " does not read"
                                                + Suggestions.hint(
                                                        name, program.reads().names()))),
                        () -> {
                            if (!ref.optional()) {
                                problems.add(where, "no " + ref.kind() + " " + ref.name() + " in k8s/");
                            }
                        });
    }

    private static void checkEntry(
            PodContainer container,
            Program program,
            JsonNode entry,
            Set<String> defined,
            Set<String> referenced,
            ManifestSet set,
            Problems problems) {
        String name = entry.path("name").asText();
        String where = container.where() + " env " + name;
        if (!program.reads().reads(name) && !referenced.contains(name)) {
            problems.add(
                    where,
                    program.name() + " does not read " + name
                            + Suggestions.hint(name, program.reads().names()));
        }
        VariableReferences.undefined(entry.path("value").asText(""), defined)
                .forEach(ref -> problems.add(
                        where, "$(" + ref + ") is not defined before it: Kubernetes leaves it as the literal text"));
        KeyReference.of(entry).flatMap(ref -> ref.problem(set)).ifPresent(problem -> problems.add(where, problem));
    }
}
