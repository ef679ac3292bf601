package qantar.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver for the browser tests. Under CI (.ci/run installs them) a
 * missing browser fails the test; elsewhere the test is skipped.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static void assumeInstalled() {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || (Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM)),
                "no chromium/chromedriver here; .ci/run installs them");
    }

    /** A fresh headless browser with its profile under {@code tmp}. */
    static ChromeDriver start(Path tmp) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chrome"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }
}
