package be.kohub.validation;

import static be.kohub.RunningHub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import be.kohub.HeadlessChromium;
import be.kohub.RunningHub;

/**
 * The validation page (GET /validatie) in a real headless Chromium, as a vendor uses it: pastes a
 * document of the conformance pack, reads each problem (focus node, path, value, message, shape,
 * constraint) as the pack's manifest names it, jumps to the spot, fixes it in place, validates
 * again, and posts the fixed document; uploads a Turtle file; sees an unreadable document's line.
 * Nothing is stored by validating. Saves a screenshot as target/validatie.png.
 */
class ValidationPageBrowserTest {
    private static final Path PACK = RunningHub.SAMPLES.resolve("conformiteit/locatie");
    private static RunningHub hub;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(1400, 1800);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        hub = RunningHub.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null)
            browser.quit();
        if (hub != null)
            hub.close();
    }

    @Test
    void aVendorPastesAnInvalidSheetReadsTheProblemFixesItThereAndPostsIt() throws Exception {
        long before = hub.quadCount();
        open();
        JsonNode expected = expected("ongeldig/postcode-drie-cijfers.jsonld").get(0);
        browser.findElement(By.id("tekst")).sendKeys(Files.readString(PACK.resolve("ongeldig/postcode-drie-cijfers.jsonld")));
        browser.findElement(By.id("valideer")).click();
        wait.until(b -> status().getDomAttribute("class").equals("voldoet-niet"));
        assertTrue(status().getText().contains("1 probleem") && status().getText().contains("JSON-LD"), status().getText());

        List<WebElement> problems = browser.findElements(By.cssSelector("#problemen li.probleem"));
        assertEquals(1, problems.size());
        WebElement problem = problems.get(0);
        assertEquals(expected.get("focusNode").asText(), field(problem, "focus"));
        assertTrue(field(problem, "pad").startsWith("postcode") && field(problem, "pad").contains(expected.get("path").asText()), field(problem, "pad"));
        assertEquals(expected.get("value").asText(), field(problem, "waarde"));
        assertEquals(expected.get("shape").asText(), field(problem, "vorm"));
        assertEquals("sh:" + expected.get("constraint").asText().substring(expected.get("constraint").asText().indexOf('#') + 1) + " · Violation",
                field(problem, "beperking"));
        JsonNode answer = json(hub.postJsonLd("/validatie", null, RunningHub.sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld")));
        assertEquals(answer.at("/problems/0/message/nl").asText(), field(problem, "melding-nl"));
        assertEquals(answer.at("/problems/0/message/en").asText(), field(problem, "melding-en"));

        // "Toon in het document" selects the offending value in the text; typing replaces it.
        problem.findElement(By.cssSelector("button.toon")).click();
        assertEquals("900", selection());
        browser.switchTo().activeElement().sendKeys("9000");
        browser.findElement(By.id("valideer")).click();
        wait.until(b -> status().getDomAttribute("class").equals("voldoet"));
        assertTrue(status().getText().contains("een locatie"), status().getText());
        assertTrue(browser.findElements(By.cssSelector("#problemen li")).isEmpty());
        HeadlessChromium.screenshot(browser, Path.of("target/validatie.png"));
        assertEquals(before, hub.quadCount(), "validating stores nothing");

        // The fixed text from the page is what the hub then accepts.
        String fixed = browser.findElement(By.id("tekst")).getDomProperty("value");
        assertTrue(fixed.contains("\"postcode\": \"9000\""), fixed);
        var posted = hub.postJsonLd("/locaties", RunningHub.key("opgroeien"), fixed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(201, posted.statusCode(), posted.body());
    }

    @Test
    void anUploadedTurtleFileIsReadAsTurtleAndItsProblemShown() throws Exception {
        open();
        JsonNode expected = expected("ongeldig/email-zonder-apenstaart.ttl").get(0);
        browser.findElement(By.id("bestand")).sendKeys(PACK.resolve("ongeldig/email-zonder-apenstaart.ttl").toAbsolutePath().toString());
        wait.until(b -> status().getDomAttribute("class").equals("voldoet-niet"));
        assertEquals("text/turtle", new Select(browser.findElement(By.id("formaat"))).getFirstSelectedOption().getDomAttribute("value"));
        assertTrue(status().getText().contains("Turtle"), status().getText());
        WebElement problem = browser.findElement(By.cssSelector("#problemen li.probleem"));
        assertEquals(expected.get("focusNode").asText(), field(problem, "focus"));
        assertEquals(expected.get("shape").asText(), field(problem, "vorm"));
        assertEquals(expected.get("value").asText(), field(problem, "waarde"));
        problem.findElement(By.cssSelector("button.toon")).click();
        assertEquals(expected.get("value").asText(), selection());
    }

    @Test
    void anUnreadableDocumentShowsTheParsersMessageAndItsLine() throws Exception {
        long before = hub.quadCount();
        open();
        String text = Files.readString(PACK.resolve("onleesbaar/ongeldige-json.json"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("tekst")), text);
        browser.findElement(By.id("valideer")).click();
        wait.until(b -> status().getDomAttribute("class").equals("onleesbaar"));
        WebElement refusal = browser.findElement(By.id("fout"));
        assertTrue(refusal.isDisplayed());
        assertTrue(refusal.getText().contains("https://data.kohub.be/problemen/ongeldige-json"), refusal.getText());
        WebElement line = refusal.findElement(By.cssSelector("button.toon"));
        int number = Integer.parseInt(line.getText().replaceAll("\\D", ""));
        line.click();
        assertEquals(text.split("\n", -1)[number - 1], selection(), "the button selects the line the parser named");
        assertFalse(browser.findElements(By.cssSelector("#problemen li")).iterator().hasNext());
        assertEquals(before, hub.quadCount());
    }

    private static void open() {
        browser.get(hub.url("/validatie"));
        wait.until(b -> "ja".equals(b.findElement(By.tagName("body")).getDomAttribute("data-klaar")));
    }

    private static WebElement status() {
        return browser.findElement(By.id("status"));
    }

    private static String field(WebElement problem, String name) {
        return problem.findElement(By.cssSelector("dd." + name)).getText();
    }

    private static String selection() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const t = document.getElementById('tekst'); return t.value.substring(t.selectionStart, t.selectionEnd);");
    }

    /** The problems the pack's manifest names for one of its files. */
    private static JsonNode expected(String file) throws Exception {
        for (JsonNode entry : RunningHub.JSON.readTree(PACK.resolve("manifest.json").toFile()).get("ongeldig"))
            if (entry.get("bestand").asText().equals(file))
                return entry.get("verwacht");
        throw new AssertionError("not in the manifest: " + file);
    }
}
