package qantar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import qantar.answer.Answer;
import qantar.answer.AnswerJson;
import qantar.answer.Question;
import qantar.answer.Statement;
import qantar.app.Qantar;
import qantar.testing.Fixture;

/**
 * The public pages as a reader sees them, in Debian's headless Chromium driven by Selenium: an
 * answer page with its sides, working source links, the cite block and the preview tags; asking
 * from the search box; browsing the sources; a clean 404. The browser must be there in CI
 * (.ci/run installs it); elsewhere the test is skipped when chromedriver is missing.
 */
class WebPagesTest {

    @TempDir
    static Path tmp;
    static Qantar app;
    static WebServer web;
    static ChromeDriver browser;
    static String base;
    static Path knowledge;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        knowledge = Fixture.copyKnowledge(tmp.resolve("knowledge"));
        app = Fixture.open(tmp.resolve("data"), knowledge);
        web = WebServer.start(Fixture.webSources(app), new WebServer.Settings("127.0.0.1", 0, null, 100));
        base = "http://127.0.0.1:" + web.port();
        browser = HeadlessChromium.start(tmp);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAnswerPageShowsTheSidesTheSourcesTheCiteBlockAndThePreviewTags() throws Exception {
        Answer a = app.answers().answer(Question.of("Сколько человек погибло?"));
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/a/" + a.id());
        assertThat(browser.findElement(By.cssSelector("h1.question")).getText()).isEqualTo(a.question());
        assertThat(browser.findElement(By.id("side-official")).getText()).contains("225");
        assertThat(browser.findElement(By.id("side-independent")).getText()).contains("263");
        assertThat(browser.findElement(By.cssSelector(".missing")).getText()).contains("Книга Млечина");
        List<String> links = browser.findElements(By.cssSelector("a.source")).stream().map(e -> e.getAttribute("href")).toList();
        assertThat(links).isEqualTo(a.sources().stream().map(s -> s.url()).toList());
        assertThat(browser.findElement(By.cssSelector("a.permalink")).getText()).isEqualTo(base.replace("127.0.0.1", "localhost") + "/a/" + a.id());
        assertThat(browser.findElement(By.cssSelector("pre.apa")).getText()).startsWith("Qantar Sources. (").contains(a.id());
        WebElement og = browser.findElement(By.cssSelector("meta[property='og:title']"));
        assertThat(og.getAttribute("content")).isEqualTo(a.question());
        assertThat(browser.findElement(By.cssSelector("meta[property='og:description']")).getAttribute("content")).isNotBlank();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/answer-phone.png"), browser.getScreenshotAs(OutputType.BYTES));

        HttpResponse<String> json = get("/a/" + a.id() + ".json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body().strip()).isEqualTo(AnswerJson.write(a, true));
        HttpResponse<String> page = get("/a/" + a.id());
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(WebServer.CSP);
        assertThat(page.body()).doesNotContain("<script");
    }

    @Test
    void aSidesNearestPassageIsMarkedAsPerhapsNoAnswer() {
        Answer a = app.answers().answer(Question.of("Why were CSTO troops sent to Kazakhstan?"));
        List<Statement> nearest = a.statements().stream().filter(Statement::nearest).toList();
        assertThat(nearest).as("the fixture's answer has a side with only its nearest passage").isNotEmpty();
        browser.get(base + "/a/" + a.id());
        assertThat(browser.findElements(By.cssSelector(".nearest"))).hasSize(nearest.size());
        for (Statement s : nearest) {
            assertThat(browser.findElement(By.cssSelector("#side-" + s.side().id() + " .nearest")).getText())
                    .isEqualTo("≈ the nearest this side has; it may not answer the question");
        }
    }

    @Test
    void anAnswersPageStaysAsFirstGivenAfterTheCorpusChanges() throws Exception {
        Answer a = app.answers().answer(Question.of("Сколько человек погибло по данным Генпрокуратуры?"));
        Fixture.edit(knowledge.resolve("sources/o11.yaml"), "тела 225 погибших", "тела 227 погибших");
        app.corpusStore().importCorpus(qantar.corpus.CorpusReader.read(knowledge).orThrow(), "test edit", n -> { });
        app.live().reload();
        browser.get(base + "/a/" + a.id());
        assertThat(browser.findElement(By.id("side-official")).getText()).contains("225 погибших").doesNotContain("227");
        browser.get(base + "/ask?q=" + java.net.URLEncoder.encode("Сколько погибших назвала Генпрокуратура?", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("side-official")).getText()).contains("227 погибших");
        // back as it was, for the other tests
        Fixture.edit(knowledge.resolve("sources/o11.yaml"), "тела 227 погибших", "тела 225 погибших");
        app.corpusStore().importCorpus(qantar.corpus.CorpusReader.read(knowledge).orThrow(), "test edit undone", n -> { });
        app.live().reload();
    }

    @Test
    void theSearchBoxAsksAndTheAnswerPageFollows() {
        browser.get(base + "/?lang=en");
        WebElement box = browser.findElement(By.cssSelector("form.search input[name=q]"));
        box.sendKeys("How many people were detained?");
        browser.findElement(By.cssSelector("form.search button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(".*/a/[a-z0-9]{8}$"));
        assertThat(browser.findElement(By.cssSelector("h1.question")).getText()).isEqualTo("How many people were detained?");
        assertThat(browser.findElement(By.id("side-official")).getText()).contains("4,404");
    }

    @Test
    void sourcesAreListedBySideAndEachOpensWithItsPassages() {
        browser.get(base + "/sources?lang=en");
        assertThat(browser.findElement(By.id("side-hrw")).getText()).contains("Human Rights Watch");
        browser.findElement(By.cssSelector("#side-hrw a")).click();
        assertThat(browser.getCurrentUrl()).contains("/sources/");
        assertThat(browser.findElements(By.cssSelector("li.statement"))).isNotEmpty();
        browser.get(base + "/timeline?lang=ru");
        assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).isNotBlank();
    }

    @Test
    void anUnknownAnswerIsACleanNotFoundPageInThePagesLanguage() throws Exception {
        HttpResponse<String> r = get("/a/nosuch23?lang=kk");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Мұндай бет жоқ").doesNotContain("Exception").doesNotContain("at qantar.");
        browser.get(base + "/a/<script>alert(1)</script>");
        assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)");
        assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
    }

    @Test
    void questionsFromOneAddressAreLimited() throws Exception {
        try (WebServer strict = WebServer.start(Fixture.webSources(app), new WebServer.Settings("127.0.0.1", 0, null, 3))) {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String q = java.net.URLEncoder.encode("How many died? " + i, java.nio.charset.StandardCharsets.UTF_8);
                statuses.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strict.port() + "/ask?q=" + q)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertThat(statuses).containsExactly(302, 302, 302, 429, 429);
        }
    }

    @Test
    void behindAProxyTheLimitCountsTheAddressTheProxyForwarded() throws Exception {
        try (WebServer proxied = WebServer.start(Fixture.webSources(app), new WebServer.Settings("127.0.0.1", 0, null, 2, true));
                WebServer direct = WebServer.start(Fixture.webSources(app), new WebServer.Settings("127.0.0.1", 0, null, 2))) {
            // a client's own X-Forwarded-For comes first; the proxy appends the address it saw
            assertThat(asks(proxied, "10.0.0.1", "10.0.0.1", "10.0.0.1")).containsExactly(302, 302, 429);
            assertThat(asks(proxied, "10.0.0.1, 10.0.0.2")).containsExactly(302);
            // without the setting the header is not believed: every request is the one connection's address
            assertThat(asks(direct, "10.0.0.1", "10.0.0.2", "10.0.0.3")).containsExactly(302, 302, 429);
        }
    }

    private static List<Integer> asks(WebServer server, String... forwardedFor) throws Exception {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (String f : forwardedFor) {
            String q = java.net.URLEncoder.encode("How many died? " + f, java.nio.charset.StandardCharsets.UTF_8);
            statuses.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ask?q=" + q))
                    .header("X-Forwarded-For", f).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        return statuses;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
