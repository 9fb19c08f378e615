package dev.tenantfleet.systemtest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.tenantfleet.systemtest.Releases.provision;
import static dev.tenantfleet.systemtest.Releases.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fleet dashboard in a real headless Chromium (Debian's, at {@value #CHROMIUM}) during a real release: the page
 * logs in, shows the tenants at their old head, then, without reloading or polling, shows them turning to the new
 * head and a failure appearing with its error class and hint. Screenshots land in system-tests/target (not in git).
 */
@ExtendWith(RunningFleet.class)
class DashboardBrowserSystemTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    private static final LocatorAssertions.HasAttributeOptions RELEASE_TIME =
            new LocatorAssertions.HasAttributeOptions().setTimeout(90_000);

    @Test
    void shouldShowTenantsReachingTheNewHeadAndAFailureLiveDuringARelease() throws Exception {
        RunningFleet fleet = RunningFleet.get();
        List<String> slugs = provision("dash", 4);
        String broken = slugs.get(3);
        Releases.sabotage(broken);
        try (Playwright playwright = Playwright.create();
                Browser browser = launch(playwright)) {
            Page page = browser.newPage();
            AtomicInteger snapshotReads = new AtomicInteger();
            List<String> unauthorized = new CopyOnWriteArrayList<>();
            page.onRequest(request -> {
                if (request.url().contains("/api/tenants?")) {
                    snapshotReads.incrementAndGet();
                }
            });
            page.onResponse(response -> {
                if (response.status() == 401) {
                    unauthorized.add(response.url());
                }
            });

            page.navigate(fleet.tenantServiceUri() + "/dashboard/");
            assertThat(page).hasURL(fleet.tenantServiceUri() + "/dashboard/login");
            page.fill("#token", fleet.token);
            page.click("button[type=submit]");
            assertThat(page.locator("#connection")).hasAttribute("data-state", "live");
            for (String slug : slugs) {
                assertThat(tile(page, slug)).hasAttribute("data-head", "v1.2");
            }
            screenshot(page, "dashboard-before-release.png");

            String releaseId =
                    start(slugs, Map.of("targetTag", "v1.4", "strategy", "COHORTS", "failurePolicy", "CONTINUE"));

            for (String slug : slugs.subList(0, 3)) {
                assertThat(tile(page, slug)).hasAttribute("data-head", "v1.4", RELEASE_TIME);
            }
            Locator failure = page.locator("#failures li[data-slug='" + broken + "']");
            assertThat(failure).hasAttribute("data-code", "SCHEMA_DRIFT", RELEASE_TIME);
            assertThat(failure).containsText("ahead of its Liquibase history");
            assertThat(tile(page, broken)).hasAttribute("data-release-state", "FAILED");
            assertThat(tile(page, broken)).hasAttribute("data-head", "v1.2");
            assertThat(page.locator("#release")).hasAttribute("data-status", "FAILED", RELEASE_TIME);
            assertThat(page.locator("#cohorts li")).hasCount(3);
            assertThat(page.locator("#release-summary")).containsText("3/4 migrated, 1 failed");
            screenshot(page, "dashboard-after-release.png");

            // Everything after the first snapshot came from the event stream: the page never re-read the fleet.
            assertThat(snapshotReads.get()).isEqualTo(1);
            // no /favicon.ico or any other request without the session: an operator's log stays free of 401s
            assertThat(unauthorized).isEmpty();

            // tenant-service restarts under the open page (a rollout): the page reconnects by itself, reloads its
            // snapshot and follows the events of the new instance.
            fleet.killTenantService();
            assertThat(page.locator("#connection")).hasAttribute("data-state", "reconnecting");
            fleet.startTenantService();
            assertThat(page.locator("#connection")).hasAttribute("data-state", "live", RELEASE_TIME);
            FleetApi.api()
                    .body(Map.of("to", "READ_ONLY", "reason", "dashboard reconnect check"))
                    .post("/api/tenants/" + slugs.get(0) + "/status")
                    .then()
                    .statusCode(200);
            assertThat(tile(page, slugs.get(0))).hasAttribute("data-status", "READ_ONLY", RELEASE_TIME);

            // After a rollback the cohort bars say "rolled back", never a green "done" that reads as success.
            FleetApi.api()
                    .post("/api/releases/" + releaseId + "/rollback")
                    .then()
                    .statusCode(202);
            assertThat(page.locator("#release")).hasAttribute("data-status", "ROLLED_BACK", RELEASE_TIME);
            assertThat(page.locator("#cohorts li[data-done='0']")).hasCount(3);
            Object rolledBack = page.locator("#cohorts li")
                    .evaluateAll("items => items.reduce((n, item) => n + Number(item.dataset.rolledBack), 0)");
            assertThat(((Number) rolledBack).intValue())
                    .as("the three migrated tenants, rolled back")
                    .isEqualTo(3);
            assertThat(page.locator("#cohorts li").first()).containsText("rolled back");
            screenshot(page, "dashboard-after-rollback.png");
        }
    }

    private static Locator tile(Page page, String slug) {
        return page.locator("#fleet .tile[data-slug='" + slug + "']");
    }

    private static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException(
                    CHROMIUM + " is missing: install Debian's chromium package (see DEVELOPERS.md)");
        }
        // Flags as a root, offline CI needs them: no sandbox (root), no GPU, no calls home that this network refuses.
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(CHROMIUM))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path directory = RunningFleet.root().resolve("system-tests/target/screenshots");
        Files.createDirectories(directory);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(directory.resolve(name)).setFullPage(true));
    }
}
