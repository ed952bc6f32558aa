package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromium-driver (scripts/browser.sh installs them), headless, for the web page's
 * tests; under ./porttracer test (PORTTRACER_REQUIRE_BROWSER) a missing browser fails instead of skipping.
 */
final class HeadlessChromium {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    /** Fails or skips the calling test class when the browser is missing. */
    static void require() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (System.getenv("PORTTRACER_REQUIRE_BROWSER") != null) {
            assertThat(installed).as("chromium and chromedriver (scripts/browser.sh installs them)").isTrue();
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed: run scripts/browser.sh");
    }

    static WebDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Signs out whoever is signed in, then in as {@code user}; waits for the search box when the password is right. */
    static void signIn(WebDriver browser, WebDriverWait wait, String base, String user, String password) {
        // A new document without the previous user's session, so that nothing of the last page lingers.
        browser.get(base + "/?signin=" + System.nanoTime());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        if (user.equals(password)) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), user + " ("));
        }
    }

    /** Types {@code q} in the search box, searches, and waits for the answer's status line. */
    static void search(WebDriver browser, WebDriverWait wait, String q) {
        // The last answer's status must not pass for this one's.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('status').textContent = ''");
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(q);
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("found|Nothing")));
    }

    /** Quits the browser and closes the fixture, whichever of them was started. */
    static void stop(WebDriver browser, AutoCloseable fixture) throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }
}
