package dev.tenantfleet.deploy.program;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A module's main Java sources, parsed (not compiled): configuration is read where it is declared, so these tests need
 * no build of the services and notice a renamed property the moment the source changes.
 */
public final class JavaSources {
    private final List<CompilationUnit> units;

    private JavaSources(List<CompilationUnit> units) {
        this.units = units;
    }

    public static JavaSources parse(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return new JavaSources(List.of());
        }
        JavaParser parser =
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return new JavaSources(files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> parse(parser, f))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<CompilationUnit> units() {
        return units;
    }

    private static CompilationUnit parse(JavaParser parser, Path file) {
        try {
            ParseResult<CompilationUnit> result = parser.parse(file);
            return result.getResult()
                    .filter(unit -> result.isSuccessful())
                    .orElseThrow(() -> new IllegalStateException(file + ": " + result.getProblems()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
