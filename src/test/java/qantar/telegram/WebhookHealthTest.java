package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.moderation.Moderation;
import qantar.telegram.api.Webhook;
import qantar.telegram.moderation.ModerationBot;
import qantar.testing.Fixture;
import qantar.web.WebServer;
import qantar.web.WebhookRoute;

/** A GET of the webhook path tells a reverse proxy's health check whether this instance takes the updates now. */
class WebhookHealthTest {
    static final String PATH = "/telegram/hook-health";

    @TempDir
    Path tmp;

    @Test
    void theWebhookPathIsHealthyWhileTheBotTakesUpdatesAndUnavailableOnceItStops() throws Exception {
        int port = ServeProcess.freePort();
        String url = "http://127.0.0.1:" + port + PATH;
        WebServer[] web = {null};
        Webhook[] hook = {null};
        BotHarness h = new BotHarness(Intake.POLLING, tmp, TestCorpus.write(tmp.resolve("knowledge"), false), BotHarness.QUICK, (app, settings) -> {
            ModerationBot.Wired wired = BotHarness.moderated(app, settings, List.of());
            hook[0] = wired.bot().useWebhook(url);
            web[0] = WebServer.start(Fixture.webSources(app), new WebServer.Settings("127.0.0.1", port, null, 20), wired.moderation(), wired.console(),
                    List.of(new WebhookRoute(hook[0].path(), Webhook.SECRET_HEADER, hook[0]::receive, hook[0]::taking)));
            assertThat(get(url)).as("before the bot starts (a standby waiting for the consumer lock)").isEqualTo(503);
            return wired.bot();
        });
        try {
            assertThat(get(url)).isEqualTo(200);
        } finally {
            h.close();
        }
        try {
            assertThat(get(url)).as("stopped").isEqualTo(503);
        } finally {
            web[0].close();
        }
    }

    private static int get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
