package dev.tenantfleet.service.adoption;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Api.randomSlug;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.testsupport.OwnVhost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A team's changelog without a single tagDatabase changeset: it loads, but releases, plans and baselines need a tag,
 * and are refused saying how to add one, before anything is touched.
 */
@QuarkusTest
@TestProfile(UntaggedChangelogTest.Untagged.class)
@WithTestResource(ControlDatabase.class)
@WithTestResource(OwnVhost.class)
class UntaggedChangelogTest {

    /** tenant-service with the untagged changelog. */
    public static class Untagged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tenantfleet.changelog.location", "classpath:untagged-changelog/changelog.yaml");
        }
    }

    @Test
    void shouldRefuseAReleaseAPlanAndABaselineSayingTheChangelogNeedsTags() {
        authenticated()
                .body(Map.of("spec", Map.of("targetTag", "v1", "only", List.of("nobody"))))
                .post("/api/releases")
                .then()
                .statusCode(422)
                .body("code", equalTo("RELEASE_REFUSED"))
                .body("detail", containsString("has no tags"))
                .body("detail", containsString("tagDatabase"));
        authenticated().get("/api/releases/plan").then().statusCode(400).body("detail", containsString("has no tags"));
        authenticated()
                .body(Map.of(
                        "slug",
                        randomSlug("untagged"),
                        "name",
                        "x",
                        "database",
                        "x",
                        "username",
                        "x",
                        "baselineTag",
                        "v1"))
                .post("/api/tenants/adopt")
                .then()
                .statusCode(422)
                .body("problems.find { it.field == 'baselineTag' }.message", containsString("has no tags"));
    }
}
