package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenantfleet.changelog.SafetyWarning.Kind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changelog that is not the example one, read from a directory, a file and a jar: YAML master, formatted SQL, JSON
 * and XML includes, a sqlFile, properties with dbms conditions, tags, rollback-less and non-transactional changesets.
 */
class ByoChangelogTest {
    static final Path BYO = resource("byo-changelog");
    private static final TenantChangelog FROM_DIRECTORY = TenantChangelog.load(BYO.toString());

    @TempDir
    Path tmp;

    @Test
    void aDirectoryIsReadThroughItsDiscoveredMasterInEveryFormatLiquibaseReads() {
        assertThat(FROM_DIRECTORY.path()).isEqualTo("db.changelog-master.yaml");
        assertThat(FROM_DIRECTORY.tags()).containsExactly("r1", "r2", "r3");
        assertThat(FROM_DIRECTORY.changeSets())
                .extracting(ChangeSetInfo::filePath, ChangeSetInfo::id)
                .containsExactly(
                        tuple("releases/r1.sql", "r1-001-accounts"),
                        tuple("releases/r1.sql", "r1-002-invoices"),
                        tuple("releases/r1.sql", "r1-003-oracle-only"),
                        tuple("db.changelog-master.yaml", "r1-tag"),
                        tuple("releases/r2.json", "r2-001-payments"),
                        tuple("releases/r2.json", "r2-002-functions"),
                        tuple("releases/r2.json", "r2-003-backfill-notes"),
                        tuple("db.changelog-master.yaml", "r2-tag"),
                        tuple("releases/r3.xml", "r3-001-rename-payments"),
                        tuple("releases/r3.xml", "r3-002-scratch"),
                        tuple("releases/r3.xml", "r3-003-index-concurrently"),
                        tuple("db.changelog-master.yaml", "r3-tag"));
    }

    @Test
    void theSameChangelogHasTheSameDigestAndKeysFromAFileADirectoryAndAJar() throws IOException {
        Path jar = jarOf(BYO, tmp.resolve("app.jar"));
        List<TenantChangelog> forms = Stream.of(
                        BYO.resolve("db.changelog-master.yaml").toString(),
                        "file:" + BYO.resolve("db.changelog-master.yaml"),
                        BYO + "!/db.changelog-master.yaml",
                        jar.toString(),
                        "jar:" + jar + "!/db.changelog-master.yaml",
                        "jar:file:" + jar + "!/")
                .map(TenantChangelog::load)
                .toList();

        assertThat(forms).allSatisfy(changelog -> {
            assertThat(changelog.digest()).isEqualTo(FROM_DIRECTORY.digest());
            assertThat(changelog.changeSets()).isEqualTo(FROM_DIRECTORY.changeSets());
        });
    }

    @Test
    void aRootAboveTheMastersFolderPrefixesEveryRecordedPathAsTheOtherToolRecordedThem() throws IOException {
        Path resources = tmp.resolve("resources");
        copy(BYO, resources.resolve("db/changelog"));

        TenantChangelog springLayout = TenantChangelog.load(resources.toString());

        assertThat(springLayout.path()).isEqualTo("db/changelog/db.changelog-master.yaml");
        assertThat(springLayout.changeSets().get(0).key())
                .isEqualTo("db/changelog/releases/r1.sql::r1-001-accounts::alice");
        assertThat(TenantChangelog.load(resources + "!/db/changelog/db.changelog-master.yaml")
                        .digest())
                .isEqualTo(springLayout.digest())
                .isNotEqualTo(FROM_DIRECTORY.digest());
    }

    @Test
    void locationsThatCannotWorkAreRefusedSayingWhatToDo() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> TenantChangelog.load(empty.toString()))
                .hasMessageContaining("no master changelog in " + empty)
                .hasMessageContaining("db.changelog-master.yaml")
                .hasMessageContaining("!/");
        Path two = Files.createDirectories(tmp.resolve("two"));
        Files.writeString(two.resolve("db.changelog-master.xml"), "<databaseChangeLog/>");
        Files.writeString(two.resolve("db.changelog-master.yaml"), "databaseChangeLog: []");
        assertThatThrownBy(() -> TenantChangelog.load(two.toString()))
                .hasMessageContaining("several master changelogs");
        assertThatThrownBy(() -> TenantChangelog.load(tmp.resolve("nope").toString()))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TenantChangelog.load(BYO + "!/missing.yaml"))
                .hasMessageContaining("has no file missing.yaml");
        Path text = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> TenantChangelog.load(text + "!/db.changelog-master.yaml"))
                .hasMessageContaining("neither a directory nor a .jar or .zip archive");
    }

    @Test
    void tablesUpToATagFollowCreatesDropsAndRenamesInEveryFormatForPostgresqlOnly() {
        assertThat(FROM_DIRECTORY.tablesUpTo("r1")).containsExactly("accounts", "invoices");
        assertThat(FROM_DIRECTORY.tablesUpTo("r2")).containsExactly("accounts", "invoices", "payments");
        assertThat(FROM_DIRECTORY.tablesUpTo("r3")).containsExactly("accounts", "invoices", "invoice_payments");
        assertThatThrownBy(() -> FROM_DIRECTORY.tablesUpTo("r9")).hasMessageContaining("its tags are [r1, r2, r3]");
    }

    @Test
    void aReleaseRangeLeavesOutChangesetsLimitedToOtherDatabases() {
        assertThat(FROM_DIRECTORY.between(null, "r1"))
                .extracting(ChangeSetInfo::id)
                .containsExactly("r1-001-accounts", "r1-002-invoices", "r1-tag");
        assertThat(FROM_DIRECTORY.between("r1", "r2"))
                .extracting(ChangeSetInfo::id)
                .containsExactly("r2-001-payments", "r2-002-functions", "r2-003-backfill-notes", "r2-tag");
        assertThat(FROM_DIRECTORY.between("r3", "r2")).isEmpty();
        assertThat(FROM_DIRECTORY.plan(TenantHistory.empty(), "r1").pending())
                .extracting(ChangeSetInfo::id)
                .doesNotContain("r1-003-oracle-only");
    }

    @Test
    void rollbackLessAndNonTransactionalChangesetsAreMarkedForThePreflight() {
        assertThat(FROM_DIRECTORY.changeSets())
                .filteredOn(cs -> !cs.rollbackSupported())
                .extracting(ChangeSetInfo::id)
                .containsExactly("r2-003-backfill-notes");
        assertThat(FROM_DIRECTORY.changeSets())
                .filteredOn(cs -> !cs.runInTransaction())
                .extracting(ChangeSetInfo::id)
                .containsExactly("r3-003-index-concurrently");
        assertThat(FROM_DIRECTORY.changeSets())
                .flatExtracting(ChangeSetInfo::warnings)
                .extracting(SafetyWarning::kind)
                .doesNotContain(Kind.SPLIT_DOLLAR_QUOTED);
    }

    @Test
    void aChangelogWithoutTagsHasNoReleaseTargetAndSaysHowToMarkOne() {
        TenantChangelog untagged = TenantChangelog.load("classpath:untagged-changelog/changelog.yaml");

        assertThat(untagged.tags()).isEmpty();
        assertThat(untagged.head()).isNull();
        assertThat(untagged.whyNotATarget("v1")).contains("has no tags").contains("tagDatabase");
        assertThatThrownBy(() -> untagged.upTo("v1")).hasMessageContaining("has no tags");
        assertThat(FROM_DIRECTORY.whyNotATarget("r2")).isNull();
        assertThat(FROM_DIRECTORY.whyNotATarget("v1")).contains("'v1'").contains("[r1, r2, r3]");
    }

    @Test
    void aFunctionBodyThatLiquibaseWouldSplitIsABlockingWarning() {
        TenantChangelog untagged = TenantChangelog.load("classpath:untagged-changelog/changelog.yaml");

        SafetyWarning warning = untagged.changeSets().get(1).warnings().stream()
                .filter(w -> w.kind() == Kind.SPLIT_DOLLAR_QUOTED)
                .findFirst()
                .orElseThrow();
        assertThat(warning.kind().blocking()).isTrue();
        assertThat(warning.message()).contains("splitStatements:false");
        assertThat(Kind.NO_ROLLBACK.blocking()).isFalse();
    }

    @Test
    void aVeryLargeSqlFileIsReadAndLintedWithoutBlowingTheStack() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("large"));
        Files.writeString(dir.resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: load-data
                      author: ops
                      changes:
                        - sqlFile: {path: data.sql, relativeToChangelogFile: true}
                  - changeSet:
                      id: tag
                      author: ops
                      changes:
                        - tagDatabase: {tag: data-1}
                """);
        String longLiteral = "x".repeat(200_000).replace("xxxxx", "xx''x");
        try (var out = Files.newBufferedWriter(dir.resolve("data.sql"))) {
            out.write("CREATE TABLE blobs (id int, body text);\n");
            for (int i = 0; i < 100; i++) {
                out.write("INSERT INTO blobs VALUES (" + i + ", '" + longLiteral + "');\n");
            }
        }
        assertThat(Files.size(dir.resolve("data.sql"))).isGreaterThan(15_000_000L);

        long start = System.nanoTime();
        TenantChangelog large = TenantChangelog.load(dir.toString());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(large.tags()).containsExactly("data-1");
        assertThat(large.tablesUpTo("data-1")).containsExactly("blobs");
        assertThat(large.changeSets().get(0).warnings())
                .extracting(SafetyWarning::kind)
                .containsExactly(Kind.NO_ROLLBACK);
    }

    @Test
    void historyRowsMatchLikeLiquibaseMatchesThemAndAnotherRootIsNamedAsTheCause() {
        TenantHistory classpathPrefixed = TenantHistory.of(
                List.of(new AppliedChangeSet("classpath:/releases/R1.sql::r1-001-accounts::alice", null, 1, null)));
        TenantPlan plan = FROM_DIRECTORY.plan(classpathPrefixed, "r1");
        assertThat(plan.drifted()).isFalse();
        assertThat(plan.pending()).extracting(ChangeSetInfo::id).doesNotContain("r1-001-accounts");
        assertThat(FROM_DIRECTORY.changelogKeyOf("classpath:/releases/R1.sql::r1-001-accounts::alice"))
                .isEqualTo("releases/r1.sql::r1-001-accounts::alice");

        TenantHistory otherRoot = TenantHistory.of(List.of(
                new AppliedChangeSet("src/main/resources/releases/r1.sql::r1-001-accounts::alice", null, 1, null)));
        assertThat(FROM_DIRECTORY.plan(otherRoot, "r1").drift())
                .singleElement()
                .asString()
                .contains("only the file path differs")
                .contains("releases/r1.sql::r1-001-accounts::alice");
        assertThat(FROM_DIRECTORY.rootMismatch(otherRoot))
                .contains("'src/main/resources/releases/r1.sql' where the " + "changelog has 'releases/r1.sql'")
                .contains("<root>!/<master>");
        assertThat(FROM_DIRECTORY.rootMismatch(classpathPrefixed)).isNull();
    }

    @Test
    void aHistoryWrittenFromAnotherRootGetsTheLocationThatMatchesIt() throws IOException {
        Path resources = tmp.resolve("resources");
        copy(BYO, resources.resolve("db/changelog"));
        TenantHistory springBoot = TenantHistory.of(List.of(
                new AppliedChangeSet("db/changelog/releases/r1.sql::r1-001-accounts::alice", null, 1, null),
                new AppliedChangeSet("db/changelog/db.changelog-master.yaml::r1-tag::ops", null, 2, "r1")));
        TenantHistory fromTheFolder = TenantHistory.of(
                List.of(new AppliedChangeSet("releases/r1.sql::r1-001-accounts::alice", null, 1, null)));

        String tooDeep = TenantChangelog.load(resources.resolve("db/changelog").toString())
                .rootMismatch(springBoot);
        String tooHigh = TenantChangelog.load(resources.toString()).rootMismatch(fromTheFolder);

        assertThat(tooDeep)
                .endsWith("TENANTFLEET_CHANGELOG_LOCATION=" + resources + "!/db/changelog/db.changelog-master.yaml");
        assertThat(tooHigh)
                .endsWith("TENANTFLEET_CHANGELOG_LOCATION=" + resources.resolve("db/changelog")
                        + "!/db.changelog-master.yaml");
        assertThat(TenantChangelog.load(resources + "!/db/changelog/db.changelog-master.yaml")
                        .plan(springBoot, "r1")
                        .drift())
                .isEmpty();
    }

    static Path resource(String name) {
        try {
            return Path.of(
                    ByoChangelogTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path jarOf(Path directory, Path jar) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(
                        new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
