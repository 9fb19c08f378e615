package dev.tenantfleet.deploy.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tags a classpath changelog of the repository releases, in order, found through its includes. */
class ChangelogTagsTest {

    @Test
    void theExampleChangelogTagsEveryReleaseInOrder() {
        assertThat(ChangelogTags.of(Repo.root(), "classpath:crm-changelog/db.changelog-master.xml"))
                .contains(List.of("v1.0", "v1.1", "v1.2", "v1.3", "v1.4"));
    }

    @Test
    void aChangelogOutsideTheRepositoryHasNoKnownTags() {
        assertThat(ChangelogTags.of(Repo.root(), "file:/changelogs/billing.xml"))
                .isEmpty();
        assertThat(ChangelogTags.of(Repo.root(), "classpath:no-such/changelog.xml"))
                .isEmpty();
    }
}
