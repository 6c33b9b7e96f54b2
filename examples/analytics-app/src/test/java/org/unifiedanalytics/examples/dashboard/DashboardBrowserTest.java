package org.unifiedanalytics.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unifiedanalytics.examples.Demo;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver, never a downloaded
 * browser): every view renders real numbers from the warehouse, and a narrower date range changes them.
 * Skipped without Chromium unless ANALYTICS_REQUIRE_BROWSER=true (CI installs it and sets that).
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void every_view_shows_warehouse_numbers_and_the_date_filter_changes_them() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv().getOrDefault("ANALYTICS_REQUIRE_BROWSER", "false"));
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            assertThat(required).as("Chromium and chromedriver are required (ANALYTICS_REQUIRE_BROWSER=true) but missing").isFalse();
            Assumptions.abort("Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
        }
        Demo.run(dir, false, false);
        try (Warehouse captions = Warehouse.embedded(dir.resolve("analytics"))) {
            // A caption is source text: markup in it must show as text and never run.
            var c = org.unifiedanalytics.model.schema.Tables.CONTENT;
            captions.dsl().update(c).set(c.TITLE, org.jooq.impl.DSL.inline("<img src=x onerror=\"document.body.dataset.pwned=1\">")
                    .concat(c.TITLE)).execute();
        }
        try (Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"));
             DashboardServer dashboard = DashboardServer.start(warehouse, Ingestion.on(warehouse), 0)) {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1400,2200");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(dashboard.url().toString());
                String firstLoad = waitForLoad(browser, null);
                assertThat(browser.findElement(By.cssSelector("#content-table tbody tr td")).getText()).startsWith("<img src=x");
                Thread.sleep(500);   // an injected image's error handler would have run by now
                assertThat(((JavascriptExecutor) browser).executeScript("return document.body.dataset.pwned || null;")).isNull();

                List<WebElement> cards = browser.findElements(By.cssSelector("#kpi-cards .card"));
                assertThat(cards).isNotEmpty();
                assertThat(browser.findElement(By.cssSelector("[data-kpi='sales.orders.EUR'] .value")).getText()).matches("[0-9][0-9,.]*");
                assertThat(browser.findElement(By.cssSelector("[data-kpi='sales.revenue.EUR'] .value")).getText()).contains("€");
                assertThat(browser.findElement(By.cssSelector("[data-kpi='website.sessions'] .value")).getText())
                        .matches("[1-9][0-9,.]*");
                assertThat(browser.findElements(By.cssSelector("#trend canvas"))).isNotEmpty();
                List<WebElement> stages = browser.findElements(By.cssSelector("#funnel-table tbody tr"));
                assertThat(stages).hasSize(7);
                String conversionsAll = stages.get(5).findElements(By.tagName("td")).get(1).getText();
                assertThat(conversionsAll).isEqualTo("300");
                assertThat(browser.findElements(By.cssSelector("#funnel-chart canvas"))).isNotEmpty();
                assertThat(browser.findElements(By.cssSelector("#attribution-chart canvas"))).isNotEmpty();
                assertThat(browser.findElements(By.cssSelector("#content-table tbody tr"))).hasSizeGreaterThan(3);
                // TikTok's two streams, TikTok Shop's three, Shopify's two, GA4's three, Klaviyo's three.
                assertThat(browser.findElements(By.cssSelector("#freshness-table tbody tr")))
                        .hasSize(13).allSatisfy(row -> assertThat(row.getText()).contains("SUCCEEDED"));
                save(browser, "dashboard.png");

                LocalDate to = LocalDate.parse(browser.findElement(By.id("to")).getAttribute("value"));
                setDate(browser, "from", to.minusDays(14));
                browser.findElement(By.id("apply")).click();
                waitForLoad(browser, firstLoad);

                String conversionsTwoWeeks = browser.findElements(By.cssSelector("#funnel-table tbody tr")).get(5)
                        .findElements(By.tagName("td")).get(1).getText();
                assertThat(Integer.parseInt(conversionsTwoWeeks.replace(",", ""))).isBetween(1, 299);
                assertThat(browser.findElement(By.id("status")).getText()).contains("Showing");
                save(browser, "dashboard-two-weeks.png");
            } finally {
                browser.quit();
            }
        }
    }

    private static String waitForLoad(WebDriver browser, String previous) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
            Object loaded = ((JavascriptExecutor) b).executeScript("return document.body.dataset.loaded || null;");
            return loaded != null && !loaded.equals(previous) ? loaded.toString() : null;
        });
    }

    private static void setDate(WebDriver browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }

    private static void save(WebDriver browser, String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
