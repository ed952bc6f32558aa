package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;

/** The web page in headless Chromium signs directory users in like local ones, and shows why one is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryWebPageTest {

    private TestDirectory ldap;
    private ApiFixture f;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        HeadlessChromium.require();
        ldap = new TestDirectory(tmp.resolve("ldap"));
        f = new ApiFixture(Fleet.generate(FleetSpec.small(41)), tmp.resolve("keys"),
                ldap.settings("ldaps://127.0.0.1:" + ldap.ldapsPort, false));
        browser = HeadlessChromium.start(1400, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
        if (ldap != null) {
            ldap.close();
        }
    }

    @Test
    void aDirectoryUserSignsInAndTraces() {
        SimHost host = f.sim.fleet().hosts().get(1);
        signIn("alice", TestDirectory.password("alice"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "alice@ldap (netadmin)"));
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys(host.mac().toString());
        browser.findElement(By.id("search")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results tbody tr")));
        assertThat(browser.findElement(By.cssSelector("#results tbody tr td.port .port-name")).getText())
                .isEqualTo(host.port());
    }

    @Test
    void aDirectoryUserInNoMappedGroupIsToldWhy() {
        signIn("norole", TestDirectory.password("norole"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"),
                "none of the user's groups is mapped"));
        assertThat(browser.findElement(By.id("q")).isDisplayed()).isFalse();
    }

    private void signIn(String user, String password) {
        HeadlessChromium.signIn(browser, wait, "http://127.0.0.1:" + f.port, user, password);
    }
}
