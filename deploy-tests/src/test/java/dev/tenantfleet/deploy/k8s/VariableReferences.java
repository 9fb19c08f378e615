package dev.tenantfleet.deploy.k8s;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Kubernetes' $(VAR) references in a container's command, args and env values. A variable used only that way
 * (RELEASE_TAG in the release Job's args) is legitimately set although the program never reads it, and a reference
 * to nothing defined is passed on as the literal text "$(VAR)", silently.
 */
final class VariableReferences {
    private VariableReferences() {}

    /** Every name the container's command, args and env values refer to. */
    static Set<String> usedBy(PodContainer container) {
        Set<String> names = new HashSet<>();
        container.words().forEach(word -> names.addAll(in(word)));
        ContainerEnv.mergedEnv(container)
                .forEach(entry -> names.addAll(in(entry.path("value").asText(""))));
        return names;
    }

    /** The names {@code text} refers to that are not in {@code defined}. */
    static Set<String> undefined(String text, Set<String> defined) {
        Set<String> names = in(text);
        names.removeAll(defined);
        return names;
    }

    static Set<String> in(String text) {
        Set<String> names = new HashSet<>();
        Matcher matcher = ContainerEnv.REFERENCE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
