package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Steps on the web page shared by the browser tests. */
final class BrowserPage {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private BrowserPage() {
    }

    /** Skips the calling test without Chromium, or fails it when ./porttracer test asked for the browser tests. */
    static void requireBrowser() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (System.getenv("PORTTRACER_REQUIRE_BROWSER") != null) {
            assertThat(installed).as("chromium and chromedriver (scripts/browser.sh installs them)").isTrue();
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed: run scripts/browser.sh");
    }

    /** Headless Chromium driven through its WebDriver on a free port. */
    static ChromeDriver open() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Opens the page, signs out whoever is signed in, and submits the sign-in form. */
    static void signIn(WebDriver browser, WebDriverWait wait, int port, String user, String password) {
        browser.get("http://127.0.0.1:" + port + "/");
        if (browser.findElement(By.id("logout")).isDisplayed()) {
            browser.findElement(By.id("logout")).click();
        }
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }
}
