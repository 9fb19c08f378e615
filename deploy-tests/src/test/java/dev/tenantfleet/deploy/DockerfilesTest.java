package dev.tenantfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.program.Program;
import dev.tenantfleet.deploy.program.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The images are built from what the Maven build really leaves in target/, expose the port the service really
 * listens on, and never run as root.
 */
class DockerfilesTest {
    private static final Pattern SHADED_JAR =
            Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>");
    private final Programs programs = Programs.of(Repo.root());

    @Test
    void servicesExposeTheirRealPortAndCopyTheQuarkusAppLayout() {
        programs.all().values().stream().filter(p -> p.http().isPresent()).forEach(program -> {
            assertThat(program.dockerfile().exposed())
                    .as(program.name() + " EXPOSE")
                    .containsExactly(program.http().get().port(Map.of()));
            assertThat(program.dockerfile().copySources())
                    .as(program.name() + " COPY")
                    .isNotEmpty()
                    .allSatisfy(source -> assertThat(source).startsWith("target/quarkus-app/"));
        });
    }

    @Test
    void tenantctlImageCopiesTheShadedJarItsPomProduces() throws IOException {
        Program tenantctl = programs.named("tenantctl").orElseThrow();
        Matcher jar = SHADED_JAR.matcher(Files.readString(tenantctl.module().resolve("pom.xml")));

        assertThat(jar.find())
                .as("maven-shade-plugin outputFile in tenantctl/pom.xml")
                .isTrue();
        assertThat(tenantctl.dockerfile().copySources()).containsExactly("target/" + jar.group(1));
    }

    @Test
    void everyImageRunsAsANumericNonRootUser() {
        // numeric, so that Kubernetes can verify runAsNonRoot without a runAsUser in every pod spec
        programs.all()
                .values()
                .forEach(program -> assertThat(program.dockerfile().user())
                        .as(program.name() + " USER")
                        .matches("[1-9][0-9]*(:[0-9]+)?"));
    }

    @Test
    void everyModuleDockerignoreLetsTheBuildOutputThrough() throws IOException {
        for (Program program : programs.all().values()) {
            String ignore = Files.readString(program.module().resolve(".dockerignore"));
            program.dockerfile()
                    .copySources()
                    .forEach(source -> assertThat(ignore)
                            .as(program.name() + " .dockerignore")
                            .contains(
                                    "!" + (source.startsWith("target/quarkus-app/") ? "target/quarkus-app/" : source)));
        }
    }
}
