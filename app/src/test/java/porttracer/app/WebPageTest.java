package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import porttracer.sim.Fleet;
import porttracer.sim.FleetSpec;
import porttracer.sim.SimHost;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/browser.sh from ./porttracer test) against a polled simulated fleet: sign in, search a
 * MAC, read its switch and port, open its history, re-verify it live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageTest {

    private ApiFixture f;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        HeadlessChromium.require();
        Fleet fleet = Fleet.generate(FleetSpec.small(23));
        SimHost shared = fleet.hosts().get(2);
        // A second device on the searched host's port: its row carries the "several MACs" badge.
        fleet.addHost(porttracer.domain.MacAddress.parse("02:dd:00:00:00:01"), shared.vlan(), shared.switchName(),
                shared.port());
        f = new ApiFixture(fleet, tmp.resolve("keys"), Map.of());
        browser = HeadlessChromium.start(1400, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() throws Exception {
        HeadlessChromium.stop(browser, f);
    }

    @Test
    void searchAMacSeeItsSwitchAndPortOpenItsHistoryAndReverifyIt() throws Exception {
        SimHost host = f.sim.fleet().hosts().get(2);
        signIn("netadmin");
        search(host.mac().dotted());
        WebElement edge = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results tbody tr")));
        assertThat(edge.findElement(By.cssSelector("td.mac")).getText()).isEqualTo(host.mac().toString());
        assertThat(edge.findElement(By.cssSelector("td.switch")).getText()).isEqualTo(host.switchName());
        assertThat(edge.findElement(By.cssSelector("td.port .port-name")).getText()).isEqualTo(host.port());
        assertThat(edge.findElement(By.cssSelector("td.edge")).getText()).isEqualTo("edge");
        assertThat(edge.findElement(By.cssSelector("td.fresh")).getText()).startsWith("fresh");
        WebElement badge = edge.findElement(By.cssSelector("td.badges .badge"));
        assertThat(badge.getText()).isEqualTo("several macs");
        assertThat(badge.getAttribute("title")).isEqualTo("2 MACs on this port");
        // netadmin also sees the uplink sightings, below the edge.
        assertThat(browser.findElements(By.cssSelector("#results tbody tr.uplink"))).isNotEmpty();

        edge.findElement(By.cssSelector("button.history")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "ppeared"));
        assertThat(browser.findElement(By.id("history")).getText()).contains(host.switchName() + " " + host.port());

        edge.findElement(By.cssSelector("button.live")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-result"), "Found on"));
        assertThat(browser.findElement(By.id("live-result")).getText())
                .startsWith("Found on " + host.switchName() + " " + host.port())
                .contains(f.ids.size() + " switches asked, 0 failed");
        assertThat(browser.findElements(By.cssSelector("#live-progress li"))).hasSize(f.ids.size());
        Path shot = Path.of("target", "web-page.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void ossSeesOnlyTheEdgeAndAWrongPasswordIsRefused() {
        SimHost host = f.sim.fleet().hosts().get(4);
        browser.get("http://127.0.0.1:" + f.port + "/");
        browser.findElement(By.id("logout")).isDisplayed();
        signIn("oss", "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Wrong user or password"));
        signIn("oss");
        search(host.mac().toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results tbody tr")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).findElement(By.cssSelector("td.port .port-name")).getText()).isEqualTo(host.port());
    }

    private void signIn(String user) {
        signIn(user, user);
    }

    private void signIn(String user, String password) {
        HeadlessChromium.signIn(browser, wait, "http://127.0.0.1:" + f.port, user, password);
    }

    private void search(String q) {
        HeadlessChromium.search(browser, wait, q);
    }
}
