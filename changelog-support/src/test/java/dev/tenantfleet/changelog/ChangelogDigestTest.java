package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.changelog.ChangelogDigest.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelogDigestTest {
    private static final Entry A = new Entry("db/a.xml", "1", "me", "9:aaa");
    private static final Entry B = new Entry("db/a.xml", "2", "me", "9:bbb");

    @TempDir
    Path dir;

    @Test
    void theDigestIsASha256OfTheChangesetsInOrder() {
        String digest = ChangelogDigest.compute(List.of(A, B));

        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(ChangelogDigest.compute(List.of(A, B))).isEqualTo(digest);
        assertThat(ChangelogDigest.compute(List.of(B, A))).isNotEqualTo(digest);
        assertThat(ChangelogDigest.compute(List.of(A))).isNotEqualTo(digest);
        assertThat(ChangelogDigest.compute(List.of(A, new Entry("db/a.xml", "2", "me", "9:ccc"))))
                .isNotEqualTo(digest);
        assertThat(ChangelogDigest.compute(List.of(A, new Entry("db/a.xml", "2", "you", "9:bbb"))))
                .isNotEqualTo(digest);
    }

    @Test
    void aFileSystemChangelogIsReadWithItsIncludesAndItsTagsInOrder() throws IOException {
        Path master = writeChangelog("CREATE TABLE one (id int)");

        TenantChangelog changelog = TenantChangelog.load(master.toString());

        assertThat(changelog.classpath()).isFalse();
        assertThat(changelog.changeSets()).hasSize(4);
        assertThat(changelog.tags()).containsExactly("r1", "r2");
        assertThat(changelog.head()).isEqualTo("r2");
        assertThat(changelog.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(TenantChangelog.load(master.toString()).digest()).isEqualTo(changelog.digest());
    }

    @Test
    void editingAChangesetChangesTheDigest() throws IOException {
        String before = TenantChangelog.load(
                        writeChangelog("CREATE TABLE one (id int)").toString())
                .digest();

        String after = TenantChangelog.load(
                        writeChangelog("CREATE TABLE one (id bigint)").toString())
                .digest();

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theCrmChangelogHasTheSameDigestOnTheClassPathAndCopiedToTheFileSystem() throws IOException {
        TenantChangelog classpath = TenantChangelog.load("classpath:crm-changelog/db.changelog-master.xml");
        Path copy = dir.resolve("crm");
        Files.createDirectories(copy.resolve("releases"));
        copyResource("crm-changelog/db.changelog-master.xml", copy.resolve("db.changelog-master.xml"));
        for (String release : List.of("v1.0", "v1.1", "v1.2", "v1.3", "v1.4")) {
            copyResource("crm-changelog/releases/" + release + ".xml", copy.resolve("releases/" + release + ".xml"));
        }

        TenantChangelog fileSystem =
                TenantChangelog.load(copy.resolve("db.changelog-master.xml").toString());

        assertThat(classpath.tags()).containsExactly("v1.0", "v1.1", "v1.2", "v1.3", "v1.4");
        assertThat(fileSystem.tags()).isEqualTo(classpath.tags());
        assertThat(fileSystem.digest()).isEqualTo(classpath.digest());
    }

    @Test
    void aMissingChangelogFailsClearly() {
        assertThatThrownBy(() -> TenantChangelog.load(dir.resolve("nope.xml").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TenantChangelog.load("classpath:no/such/changelog.xml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no/such/changelog.xml");
    }

    private Path writeChangelog(String firstSql) throws IOException {
        Path root = Files.createTempDirectory(dir, "changelog");
        Files.createDirectories(root.resolve("releases"));
        Files.writeString(root.resolve("master.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                  <include file="releases/r1.xml" relativeToChangelogFile="true"/>
                  <include file="releases/r2.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        Files.writeString(root.resolve("releases/r1.xml"), release("r1", firstSql));
        Files.writeString(root.resolve("releases/r2.xml"), release("r2", "CREATE TABLE two (id int)"));
        return root.resolve("master.xml");
    }

    private static String release(String tag, String sql) {
        return """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd"
                    logicalFilePath="test/releases/%1$s.xml">
                  <changeSet id="%1$s-001" author="test"><sql>%2$s</sql></changeSet>
                  <changeSet id="%1$s-002-tag" author="test"><tagDatabase tag="%1$s"/></changeSet>
                </databaseChangeLog>
                """.formatted(tag, sql);
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = ChangelogDigestTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
    }
}
