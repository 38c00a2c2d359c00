package be.kohub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import be.kohub.HeadlessChromium;
import be.kohub.RunningHub;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which
 * {@code .ci/run} installs): an analyst fills in the form with the keyboard only, picks 2025 and
 * Gent, and sees the figures worked out by hand for the hand-built dataset. Saves a screenshot
 * as target/dashboard.png.
 */
class DashboardBrowserTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static RunningHub hub;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start(1280, 2400);
        hub = RunningHub.start(b -> b.clock(CLOCK));
        HandBuiltDataset.play(hub, CLOCK);
    }

    @AfterAll
    static void stop() {
        if (browser != null)
            browser.quit();
        if (hub != null)
            hub.close();
    }

    @Test
    void anAnalystPicksAYearAndAMunicipalityWithTheKeyboardAndSeesTheHandCountedFigures() throws Exception {
        browser.get(hub.url("/dashboard"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> "ja".equals(b.findElement(By.tagName("body")).getDomAttribute("data-klaar")));
        assertEquals("nl", browser.findElement(By.tagName("html")).getDomAttribute("lang"));

        // Keyboard only: the key field, then Tab from control to control, then Enter.
        WebElement key = browser.findElement(By.id("sleutel"));
        key.click();
        key.sendKeys(RunningHub.key("opgroeien-analist"));
        key.sendKeys(Keys.TAB);
        assertEquals("periode", active().getDomAttribute("id"));
        active().sendKeys("2025");
        active().sendKeys(Keys.TAB);
        assertEquals("gemeente", active().getDomAttribute("id"));
        active().sendKeys("Gent (44021)");
        active().sendKeys(Keys.TAB);
        assertEquals("llko", active().getDomAttribute("id"));
        active().sendKeys(Keys.TAB);
        assertEquals("peildatum", active().getDomAttribute("id"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", active(), HandBuiltDataset.AS_OF);
        active().sendKeys(Keys.ENTER);

        wait.until(b -> b.findElement(By.id("status")).getText().startsWith("Cijfers voor 2025"));
        assertEquals("2025", browser.findElement(By.id("periode")).getDomProperty("value"));
        assertEquals("44021", browser.findElement(By.id("gemeente")).getDomProperty("value"));
        assertEquals("cijfers", active().getDomAttribute("id"), "focus moves to the figures once they are loaded");

        // Residents of Gent in 2025 (verwacht.json): 7 requests, 5 unique, 1 answered, 1 partly, 2 unanswered, 1 withdrawn, median 105 days.
        assertEquals("5", figure("uniekeAanvragen"));
        assertEquals("2", figure("onbeantwoord"));
        assertEquals("1", figure("beantwoord"));
        assertEquals("1", figure("gedeeltelijkBeantwoord"));
        assertEquals("1", figure("geannuleerd"));
        assertEquals("7", figure("aanvragen"));
        assertEquals("3", figure("aanvragenOnbeantwoord"));
        assertEquals("105", figure("mediaanDagenTotEersteAntwoord"));

        // Residents' outcomes: one found care in Gent, one in Hasselt, two none; two non-residents asked for Gent.
        assertEquals("1", cell("tabel-uitkomsten", "inwoners-opvang-eigen-gemeente|44021", "uniekeAanvragen"));
        assertEquals("1", cell("tabel-uitkomsten", "inwoners-opvang-elders|71072", "uniekeAanvragen"));
        assertEquals("2", cell("tabel-uitkomsten", "inwoners-geen-opvang|44021", "uniekeAanvragen"));
        assertEquals("1", cell("tabel-uitkomsten", "niet-inwoners|11002", "uniekeAanvragen"));
        // The ranked list puts the municipality with the most unanswered unique requests first.
        List<WebElement> ranked = browser.findElements(By.cssSelector("#tabel-woongemeente tbody tr"));
        assertEquals("44021", ranked.get(0).getDomAttribute("data-sleutel"));
        assertTrue(ranked.get(0).getText().startsWith("Gent"), ranked.get(0).getText());
        // Categories of Gent's residents: one urgent (B), none vulnerable (C lives in Hasselt).
        assertEquals("1", cell("tabel-categorie", "dringend", "uniekeAanvragen"));
        assertEquals("0", cell("tabel-categorie", "kwetsbaar", "uniekeAanvragen"));
        // The trend chart was drawn by Chart.js (served from the hub's jar).
        assertTrue((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return typeof Chart === 'function' && !!Chart.getChart('grafiek-trend')"));

        Files.createDirectories(Path.of("target"));
        HeadlessChromium.screenshot(browser, Path.of("target/dashboard.png"));
    }

    private static WebElement active() {
        return browser.switchTo().activeElement();
    }

    private static String figure(String measure) {
        return browser.findElement(By.cssSelector("#overzicht dd[data-meting='" + measure + "']")).getText();
    }

    private static String cell(String table, String key, String measure) {
        return browser.findElement(By.cssSelector("#" + table + " tr[data-sleutel='" + key + "'] td[data-meting='" + measure + "']")).getText();
    }
}
