package porttracer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import porttracer.search.Role;
import porttracer.search.Users;
import porttracer.sim.SimHost;
import porttracer.sim.SimSwitch;

/**
 * The answer card, the move timeline, the switch page with its front panel and the free-port report in
 * headless Chromium, for each role, at 1280x800 and at phone width; screenshots go to target/screenshots/.
 * One host has moved once (so its timeline has two stays), and one access switch has 40 days of history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortPagesTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private TestFleet f;
    private int port;
    private WebDriver browser;
    private WebDriverWait wait;
    private SimHost moved;
    private SimSwitch seeded;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        f = TestFleet.start(TestFleet.smallSpec(29), dir, Map.of());
        new Users(f.pt.db().dataSource()).put("superadmin", "superadmin", Role.SUPERADMIN);
        List<SimSwitch> access = f.sim.fleet().switches().stream()
                .filter(s -> s.role() == porttracer.sim.Role.ACCESS).toList();
        seeded = access.get(0);
        PortSeed.allDownAt(f, seeded.name(), Instant.now().minus(Duration.ofDays(40)));
        f.pt.startCollector();
        f.pollAll(Duration.ofSeconds(120));
        SimHost host = f.sim.fleet().hosts().stream().filter(h -> h.switchName().equals(seeded.name())).findFirst()
                .orElseThrow();
        SimSwitch target = access.get(1);
        moved = f.sim.fleet().moveHost(host.mac(), target.name(), f.freePort(target.name(), host.vlan()));
        f.pollAll(Duration.ofSeconds(120));
        port = f.pt.startApi("127.0.0.1", 0).port();
        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start(1280, 800);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        HeadlessChromium.stop(browser, f);
    }

    @Test
    void netadminGetsTheAnswerCardUplinksFoldedAndTheTimeline() throws Exception {
        desktop();
        signIn("netadmin");
        search(moved.mac().dotted());
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertThat(card.findElement(By.cssSelector(".card-switch")).getText()).isEqualTo(moved.switchName());
        assertThat(card.findElement(By.cssSelector(".card-port")).getText()).isEqualTo(moved.port());
        assertThat(card.findElement(By.cssSelector(".card-vlan")).getText()).isEqualTo(Integer.toString(moved.vlan()));
        assertThat(card.findElement(By.cssSelector(".card-ip")).getText()).contains(f.sim.fleet().ipOf(moved.mac()).orElseThrow());
        assertThat(card.findElement(By.cssSelector(".card-fresh")).getText()).startsWith("fresh (polled ");
        assertThat(card.findElement(By.cssSelector("button.card-live")).isDisplayed()).isTrue();
        WebElement fold = card.findElement(By.cssSelector(".card-uplinks summary"));
        assertThat(fold.getText()).matches("seen on \\d+ uplinks?");
        // In the table the uplink rows wait behind their fold.
        List<WebElement> uplinkRows = browser.findElements(By.cssSelector("#results tbody tr.uplink"));
        assertThat(uplinkRows).isNotEmpty().allMatch(r -> !r.isDisplayed());
        browser.findElement(By.cssSelector("#results .fold-toggle")).click();
        assertThat(uplinkRows).allMatch(WebElement::isDisplayed);

        // Two stays: where it was, then where it is now.
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline-svg svg g.stay"), 2));
        List<WebElement> stays = browser.findElements(By.cssSelector("#timeline-svg svg g.stay"));
        assertThat(stays.get(0).getText()).contains(seeded.name());
        assertThat(stays.get(1).getAttribute("class")).contains("current");
        assertThat(stays.get(1).getText()).contains(moved.switchName() + " " + moved.port()).contains("→ now");
        shot(card, "answer-card-netadmin.png");
        shot(browser.findElement(By.id("timeline")), "timeline.png");
        page("search-netadmin-1280x800.png");
        // The permalink names the query.
        assertThat(browser.getCurrentUrl()).contains("?q=");
    }

    @Test
    void ossGetsTheCardWithoutUplinks() throws Exception {
        desktop();
        signIn("oss");
        search(moved.mac().toString());
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        assertThat(card.findElement(By.cssSelector(".card-port")).getText()).isEqualTo(moved.port());
        assertThat(card.findElements(By.cssSelector(".card-uplinks"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#results tbody tr.uplink"))).isEmpty();
        shot(card, "answer-card-oss.png");
    }

    @Test
    void theSwitchPageDrawsEveryPortByStateAndAClickShowsItsMacsAndHistory() throws Exception {
        for (String user : List.of("netadmin", "superadmin", "oss")) {
            desktop();
            signIn(user);
            int id = f.ids.get(moved.switchName());
            browser.get(base() + "/#switch/" + id);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("switch-title"), moved.switchName()));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel g.port")));
            List<WebElement> ports = browser.findElements(By.cssSelector("#panel g.port"));
            long uplinks = ports.stream().filter(p -> p.getAttribute("class").contains("state-uplink")).count();
            if (user.equals("oss")) {
                assertThat(uplinks).isZero();
                assertThat(ports).hasSizeLessThan(f.sim.fleet().ports(moved.switchName()).size());
            } else {
                assertThat(uplinks).isPositive();
                assertThat(ports).hasSizeGreaterThanOrEqualTo(f.sim.fleet().ports(moved.switchName()).size());
            }
            assertThat(browser.findElements(By.cssSelector("#panel .unit-name"))).extracting(WebElement::getText)
                    .contains("Unit 1");
            WebElement hostPort = browser.findElement(By.cssSelector("#panel g.port[data-key='"
                    + porttracer.domain.PortName.keyOf(moved.port()) + "']"));
            assertThat(hostPort.getAttribute("class")).contains("state-edge");
            assertThat(browser.findElements(By.cssSelector("#panel g.port.state-free"))).isNotEmpty();
            hostPort.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("port-history"), moved.mac().toString()));
            assertThat(browser.findElement(By.id("port-title")).getText()).startsWith(moved.switchName() + " ");
            assertThat(browser.findElement(By.id("port-history")).getText()).contains("still there");
            String macs = browser.findElement(By.id("port-macs")).getText();
            if (user.equals("oss")) {
                assertThat(macs).isEmpty();
            } else {
                assertThat(macs).contains(moved.mac().toString());
            }
            if (user.equals("netadmin")) {
                shot(browser.findElement(By.id("switch-view")), "switch-panel.png");
            }
        }
        // The port the host left: its history says who was there, until when.
        signIn("netadmin");
        browser.get(base() + "/#switch/" + f.ids.get(seeded.name()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel g.port")));
        browser.findElement(By.cssSelector("#panel g.port.state-free")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("port-facts"), "Free since"));
        shot(browser.findElement(By.id("switch-view")), "switch-panel-free-port.png");
    }

    @Test
    void theFreePortReportListsPortsPerFloor() throws Exception {
        desktop();
        signIn("oss");
        browser.get(base() + "/#free");
        wait.until(ExpectedConditions.textMatches(By.id("free-summary"), java.util.regex.Pattern.compile("\\d+ ports? free")));
        List<WebElement> floors = browser.findElements(By.cssSelector("#free-report .free-floor"));
        assertThat(floors).isNotEmpty();
        assertThat(browser.findElement(By.id("free-report")).getText()).contains(seeded.name());
        page("free-ports.png");
        // Nothing is free for 60 days here: a clear empty state.
        WebElement days = browser.findElement(By.id("free-days"));
        days.clear();
        days.sendKeys("60", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("free-report"), "No port has been down"));
    }

    @Test
    void keyboardPermalinksAndErrorStates() throws Exception {
        desktop();
        signIn("netadmin");
        ((JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
        new Actions(browser).sendKeys("/").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        new Actions(browser).sendKeys(moved.mac().toString(), Keys.ENTER).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));

        browser.get(base() + "/?q=" + moved.mac().bare());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer"), moved.port()));

        browser.get(base() + "/#switch/99999");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("switch-meta"), "no switch with id 99999"));
        assertThat(browser.findElement(By.id("switch-meta")).getAttribute("class")).isEqualTo("error");

        browser.get(base() + "/?q=nothing-like-this");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Nothing found"));
        assertThat(browser.findElement(By.id("answer")).isDisplayed()).isFalse();
    }

    @Test
    void aPhoneWidthScreenShowsTheCardAndThePanelWithoutSidewaysScrolling() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            signIn("netadmin");
            browser.get(base() + "/?q=" + moved.mac().bare());
            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer"), moved.port()));
            long viewport = ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.clientWidth")).longValue();
            long pageWidth = ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(card.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);
            assertThat(pageWidth).as("page width at 390 px").isLessThanOrEqualTo(viewport);
            page("answer-card-phone.png");
            browser.get(base() + "/#switch/" + f.ids.get(moved.switchName()));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#panel g.port")));
            // Measured again: this page may be short enough to have no vertical scrollbar.
            viewport = ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.clientWidth")).longValue();
            pageWidth = ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth")).longValue();
            Object wide = ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
                    + "'body, body *')).filter(e => e.scrollWidth > e.clientWidth + 1 || (!e.closest('.unit') && "
                    + "e.getBoundingClientRect().right > document.documentElement.clientWidth))"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.getAttribute('class') + ':' + e.scrollWidth + '/' + e.clientWidth)"
                    + ".slice(0, 10).join(' ')");
            assertThat(pageWidth).as("switch page width at 390 px; too wide: " + wide).isLessThanOrEqualTo(viewport);
            page("switch-panel-phone.png");
        } finally {
            desktop();
        }
    }

    private void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void shot(WebElement e, String name) throws Exception {
        Files.write(SHOTS.resolve(name), e.getScreenshotAs(OutputType.BYTES));
    }

    private void page(String name) throws Exception {
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void signIn(String user) {
        HeadlessChromium.signIn(browser, wait, base(), user, user);
    }

    private void search(String q) {
        HeadlessChromium.search(browser, wait, q);
    }
}
