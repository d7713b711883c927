package org.newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsroom.localpg.PostgresTestResource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The reader page in a real browser: claims, highlighted sentences, escaped article text, live updates. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPageBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URL root;

    private WebDriver browser;

    @BeforeAll
    void startBrowser() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void claimsHighlightTheirSentencesArticleTextStaysTextAndTheStoryUpdatesLive() throws Exception {
        BridgeStory story = new BridgeStory(new StoryEvents(dataSource));
        long position = story.firstTwo();
        String path = "stories/" + story.events.storyId;
        List<Map<String, Object>> claims = given().queryParam("minPosition", position).get("/" + path).path("claims");

        browser.get(root + path);
        await(d -> d.findElements(By.cssSelector("[data-claim-id]")).size() == claims.size());
        await(d -> d.findElement(By.id("live-status")).getText().startsWith("Live."));

        // Markup inside an article is shown as text: nothing ran, nothing was parsed as an element.
        assertTrue(browser.findElement(By.id("articles")).getText().contains(BridgeStory.SCRIPT));
        assertTrue(browser.findElements(By.cssSelector("#articles script")).isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());

        // Clicking a claim marks the exact sentence in each article that reported it.
        Map<String, Object> quote = claim(claims, BridgeStory.QUOTE);
        WebElement quoteElement = claimElement(quote);
        quoteElement.click();
        await(d -> marks().size() == mentions(quote).size());
        assertEquals(mentions(quote), marks());
        assertEquals("true", quoteElement.getAttribute("aria-expanded"));

        // Enter on a focused claim does the same.
        Map<String, Object> traffic = claim(claims, BridgeStory.TRAFFIC);
        claimElement(traffic).sendKeys(Keys.ENTER);
        await(d -> marks().equals(mentions(traffic)));
        assertEquals("false", claimElement(quote).getAttribute("aria-expanded"));

        // Away from the page, a third outlet reports; back on it, what is new since the last visit is marked.
        browser.get(root.toString());
        await(d -> d.findElement(By.cssSelector("a[href='/" + path + "']")).isDisplayed());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Harbour Daily · Coast Courier"));
        long third = story.third();
        given().queryParam("minPosition", third).get("/" + path).then().statusCode(200);
        browser.get(root + path);
        await(d -> d.findElement(By.id("since-visit")).isDisplayed());
        await(d -> d.findElement(By.cssSelector(".claim.is-new")).getText().contains(BridgeStory.NEW_CLAIM));

        // A fourth article arrives while the page is open: it re-renders in place (no reload), keeping the open claim.
        claimElement(traffic).click();
        await(d -> marks().size() == 3);
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
        story.fourth();
        await(d -> d.findElements(By.cssSelector("[data-claim-id]")).size() == claims.size() + 2);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument;"));
        await(d -> marks().size() == 4);
        assertEquals("true", claimElement(traffic).getAttribute("aria-expanded"));
        assertEquals(4, browser.findElements(By.cssSelector("#articles [data-article-id]")).size());
        await(d -> d.findElements(By.cssSelector(".claim.is-new")).stream()
                .anyMatch(e -> e.getText().contains(BridgeStory.LIVE_CLAIM)));
        screenshot(Path.of("target", "screenshots", "story.png"), 1400);
        screenshot(Path.of("target", "screenshots", "story-narrow.png"), 390);

        // No script error and no Content-Security-Policy violation (which would mean inline code or styles).
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(errors.isEmpty(), "browser console: " + errors);
    }

    private Map<String, Object> claim(List<Map<String, Object>> claims, String text) {
        return claims.stream().filter(c -> text.equals(c.get("text"))).findFirst().orElseThrow();
    }

    private WebElement claimElement(Map<String, Object> claim) {
        return browser.findElement(By.cssSelector("[data-claim-id='" + claim.get("id") + "']"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> mentions(Map<String, Object> claim) {
        return ((List<Map<String, Object>>) claim.get("mentions")).stream().map(m -> (String) m.get("text")).toList();
    }

    private List<String> marks() {
        return browser.findElements(By.cssSelector(".article-text mark")).stream()
                .map(m -> (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].textContent;", m))
                .toList();
    }

    private void await(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }

    private void screenshot(Path file, int width) throws Exception {
        Files.createDirectories(file.getParent());
        browser.manage().window().setSize(new Dimension(width, 1000));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 6000)));
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
