package dev.tenantfleet.deploy.program;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The leaf properties of every {@code @ConfigMapping} interface of a module, derived like SmallRye does: method names
 * in kebab case under the prefix ({@code apiToken} -> {@code tenantfleet.api-token}), {@code @WithName} and
 * {@code @WithParentName} honoured, nested interfaces as groups, {@code Map}s of groups as {@code .*.}, required
 * unless {@code @WithDefault} or {@code Optional}.
 */
public final class ConfigMappingKeys {
    private final JavaSources sources;
    private final List<MappedKey> keys = new ArrayList<>();

    private ConfigMappingKeys(JavaSources sources) {
        this.sources = sources;
    }

    public static List<MappedKey> of(JavaSources sources) {
        ConfigMappingKeys walker = new ConfigMappingKeys(sources);
        sources.units()
                .forEach(unit -> unit.findAll(
                                ClassOrInterfaceDeclaration.class,
                                type -> type.isInterface() && type.isAnnotationPresent("ConfigMapping"))
                        .forEach(root -> walker.group(
                                root,
                                stringMember(root.getAnnotationByName("ConfigMapping"), "prefix")
                                        .orElse(""),
                                false)));
        return List.copyOf(walker.keys);
    }

    private void group(ClassOrInterfaceDeclaration type, String prefix, boolean optional) {
        for (MethodDeclaration method : type.getMethods()) {
            if (method.isDefault()
                    || method.isStatic()
                    || method.getBody().isPresent()
                    || !method.getParameters().isEmpty()) {
                continue; // not a property: helpers computed from the others
            }
            String path = method.isAnnotationPresent("WithParentName")
                    ? prefix
                    : join(
                            prefix,
                            stringMember(method.getAnnotationByName("WithName"), "value")
                                    .orElse(kebab(method.getNameAsString())));
            member(method.getType(), path, optional, method.isAnnotationPresent("WithDefault"));
        }
    }

    private void member(Type type, String path, boolean optional, boolean hasDefault) {
        if (!type.isClassOrInterfaceType()) {
            keys.add(new MappedKey(path, !optional && !hasDefault, false));
            return;
        }
        ClassOrInterfaceType declared = type.asClassOrInterfaceType();
        List<Type> args = declared.getTypeArguments().map(List::copyOf).orElse(List.of());
        switch (declared.getNameAsString()) {
            case "Optional" -> member(args.get(0), path, true, hasDefault);
            case "OptionalInt", "OptionalLong", "OptionalDouble" -> keys.add(new MappedKey(path, false, false));
            case "Map" -> element(args.get(1), path + ".*", false);
            case "List", "Set" -> element(args.get(0), path, !optional && !hasDefault);
            default ->
                groupNamed(declared.getNameAsString())
                        .ifPresentOrElse(
                                group -> group(group, path, optional),
                                () -> keys.add(new MappedKey(path, !optional && !hasDefault, false)));
        }
    }

    /** A map value or collection element: a group (walked, never required) or a leaf. */
    private void element(Type type, String path, boolean required) {
        Optional<ClassOrInterfaceDeclaration> group = type.isClassOrInterfaceType()
                ? groupNamed(type.asClassOrInterfaceType().getNameAsString())
                : Optional.empty();
        if (group.isPresent()) {
            group(group.get(), path.endsWith(".*") ? path : path + "[*]", true);
        } else {
            keys.add(new MappedKey(path, required, !path.endsWith(".*")));
        }
    }

    private Optional<ClassOrInterfaceDeclaration> groupNamed(String simpleName) {
        return sources.units().stream()
                .flatMap(unit -> unit
                        .findAll(
                                ClassOrInterfaceDeclaration.class,
                                type -> type.isInterface()
                                        && type.getNameAsString().equals(simpleName))
                        .stream())
                .findFirst();
    }

    private static Optional<String> stringMember(Optional<AnnotationExpr> annotation, String member) {
        return annotation
                .flatMap(a -> {
                    if (a instanceof SingleMemberAnnotationExpr single && member.equals("value")) {
                        return Optional.of(single.getMemberValue());
                    }
                    return a instanceof NormalAnnotationExpr normal
                            ? normal.getPairs().stream()
                                    .filter(pair -> pair.getNameAsString().equals(member))
                                    .map(pair -> pair.getValue())
                                    .findFirst()
                            : Optional.empty();
                })
                .filter(value -> value.isStringLiteralExpr())
                .map(value -> value.asStringLiteralExpr().asString());
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
