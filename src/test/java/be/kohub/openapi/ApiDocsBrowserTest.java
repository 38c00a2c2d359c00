package be.kohub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import be.kohub.HeadlessChromium;
import be.kohub.RunningHub;

/**
 * The browsable API contract in a real headless Chromium (Debian's chromium and chromium-driver):
 * Swagger UI, served from the jar under its content security policy, lists every route the hub
 * registers. Saves a screenshot as target/api-docs.png.
 */
class ApiDocsBrowserTest {
    @Test
    void theApiPageListsEveryRoute() throws Exception {
        WebDriver browser = HeadlessChromium.start(1280, 1600);
        try (RunningHub hub = RunningHub.start()) {
            browser.get(hub.url("/api-docs"));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(b -> !b.findElements(By.cssSelector(".opblock")).isEmpty());
            Set<String> shown = new TreeSet<>();
            for (WebElement block : browser.findElements(By.cssSelector(".opblock")))
                shown.add(block.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
                        + block.findElement(By.cssSelector(".opblock-summary-path")).getDomAttribute("data-path"));
            assertEquals(hub.hub.routes().keySet(), shown);
            assertTrue(browser.findElement(By.cssSelector(".info .title")).getText().startsWith("kohub"));
            List<WebElement> versions = browser.findElements(By.cssSelector(".info .version-stamp"));
            assertTrue(versions.stream().anyMatch(v -> v.getText().contains("OAS 3.1")), "Swagger UI reads it as OpenAPI 3.1");
            HeadlessChromium.screenshot(browser, Path.of("target/api-docs.png"));
        } finally {
            browser.quit();
        }
    }
}
