package dev.tenantfleet.deploy.program;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Environment names a module's Java code reads outside application.properties: {@code env("NAME")} /
 * {@code getenv("NAME")} calls (tenantctl's whole configuration, with constants resolved), property expressions in
 * annotations ({@code @Scheduled(every = "${tenantfleet.release.tick:1s}")}) and {@code @ConfigProperty} names.
 */
public final class JavaEnvReferences {
    private JavaEnvReferences() {}

    public static Set<String> of(JavaSources sources) {
        Map<String, String> constants = stringConstants(sources);
        Set<String> names = new TreeSet<>();
        sources.units().forEach(unit -> {
            unit.findAll(
                            MethodCallExpr.class,
                            call -> call.getNameAsString().matches("env|getenv")
                                    && call.getArguments().size() == 1)
                    .forEach(call -> literal(call.getArgument(0), constants).ifPresent(names::add));
            unit.findAll(StringLiteralExpr.class, literal -> literal.asString().contains("${"))
                    .forEach(literal -> dev.tenantfleet.deploy.program.Expression.names(literal.asString())
                            .forEach(name -> names.add(EnvForm.of(name))));
            unit.findAll(AnnotationExpr.class, a -> a.getNameAsString().equals("ConfigProperty"))
                    .forEach(a -> configPropertyName(a, constants).ifPresent(name -> names.add(EnvForm.of(name))));
        });
        return names;
    }

    /** A string literal, or a constant holding one; an expression built at run time is not a fixed name. */
    private static Optional<String> literal(Expression expression, Map<String, String> constants) {
        if (expression.isStringLiteralExpr()) {
            return Optional.of(expression.asStringLiteralExpr().asString());
        }
        String name = expression.isNameExpr()
                ? expression.asNameExpr().getNameAsString()
                : expression.isFieldAccessExpr()
                        ? expression.asFieldAccessExpr().getNameAsString()
                        : null;
        return Optional.ofNullable(name == null ? null : constants.get(name));
    }

    private static Optional<String> configPropertyName(AnnotationExpr annotation, Map<String, String> constants) {
        // Names concatenated from constants (mp.messaging.incoming. + Channels.X + .queue.name) are
        // application.properties keys anyway; only whole literals are taken here.
        return annotation instanceof NormalAnnotationExpr normal
                ? normal.getPairs().stream()
                        .filter(pair -> pair.getNameAsString().equals("name"))
                        .findFirst()
                        .flatMap(pair -> literal(pair.getValue(), constants))
                : Optional.empty();
    }

    private static Map<String, String> stringConstants(JavaSources sources) {
        return sources.units().stream()
                .flatMap(unit -> unit.findAll(FieldDeclaration.class, f -> f.isStatic() && f.isFinal()).stream())
                .flatMap(field -> field.getVariables().stream())
                .filter(variable -> variable.getInitializer()
                        .filter(Expression::isStringLiteralExpr)
                        .isPresent())
                .collect(Collectors.toMap(
                        VariableDeclarator::getNameAsString,
                        variable -> variable.getInitializer()
                                .get()
                                .asStringLiteralExpr()
                                .asString(),
                        (a, b) -> a));
    }
}
