package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.telegram.api.SendLimits;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.api.Webhook;
import qantar.telegram.moderation.ModerationBot;

/** Webhook mode as serve wires it: the fake Bot API POSTs updates to the real web server. */
class WebhookTest {
    static final long USER = 42;

    @TempDir
    Path tmp;
    final List<AutoCloseable> open = new ArrayList<>();
    Path knowledge;
    String url;

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** The bot with moderation, in webhook mode, beside the web pages, as serve wires it. */
    private BotHarness webhookBot() {
        knowledge = knowledge == null ? TestCorpus.write(tmp.resolve("knowledge"), false) : knowledge;
        BotHarness h = new BotHarness(Intake.WEBHOOK, tmp, knowledge, BotHarness.QUICK,
                (app, settings) -> BotHarness.moderated(app, settings, List.of()).bot());
        url = h.webhookUrl();
        open.add(0, h);
        return h;
    }

    private static long answersTo(FakeBotApi api, String question) {
        return api.sentTo(USER).stream().filter(s -> s.text().startsWith("❓ " + question)).count();
    }

    @Test
    void aQuestionSentThroughTheWebhookIsAnsweredOnce() throws Exception {
        BotHarness h = webhookBot();
        h.ask(USER, "ru", TestCorpus.TOLL_RU);
        assertThat(answersTo(h.api, TestCorpus.TOLL_RU)).isEqualTo(1);

        JsonNode set = h.api.calls("setwebhook").get(0);
        assertThat(set.path("url").asText()).isEqualTo(url);
        assertThat(set.path("secret_token").asText()).matches("[0-9a-f]{64}");
        assertThat(set.path("allowed_updates").toString()).isEqualTo("[\"message\",\"callback_query\",\"inline_query\"]");
        assertThat(h.api.calls("deletewebhook")).isEmpty();
        assertThat(h.api.pollTimes()).isEmpty();
        assertThat(h.api.webhookAnswers()).containsExactly(200);
    }

    @Test
    void anUpdateTelegramSendsAgainIsAnsweredOnce() throws Exception {
        BotHarness h = webhookBot();
        h.api.loseAcks(2); // the first two 200s never reach Telegram: it sends the same update twice more
        int id = h.api.privateText(USER, "ru", TestCorpus.TOLL_RU);
        FakeBotApi.await(() -> h.api.confirmed(id), Duration.ofSeconds(15), "the update to be confirmed");
        assertThat(h.api.webhookAnswers()).containsExactly(200, 200, 200);
        // a later question in the same chat: by its answer, any double of the first would have been sent
        String second = "How many people died in the January events?";
        h.api.privateText(USER, "en", second);
        FakeBotApi.await(() -> answersTo(h.api, second) == 1, Duration.ofSeconds(15), "the second answer");
        assertThat(answersTo(h.api, TestCorpus.TOLL_RU)).isEqualTo(1);
    }

    @Test
    void aWrongOrMissingSecretIsUnauthorizedAndStoresNothing() throws Exception {
        BotHarness h = webhookBot();
        String update = "{\"update_id\":9001,\"message\":{\"message_id\":1,\"date\":1700000000,"
                + "\"from\":{\"id\":" + USER + ",\"is_bot\":false,\"first_name\":\"U\",\"language_code\":\"en\"},"
                + "\"chat\":{\"id\":" + USER + ",\"type\":\"private\",\"first_name\":\"U\"},\"text\":\"/about\"}}";
        TelegramStore store = new TelegramStore(h.app.database());
        assertThat(post(update, null)).isEqualTo(401);
        assertThat(post(update, "wrong")).isEqualTo(401);
        String secret = h.api.calls("setwebhook").get(0).path("secret_token").asText();
        assertThat(post(update, secret.substring(1))).isEqualTo(401);
        assertThat(store.lastUpdateId()).isZero();
        assertThat(h.api.sentTo(USER)).isEmpty();

        assertThat(post(update, secret)).isEqualTo(200); // the same request with the right secret is taken
        assertThat(store.lastUpdateId()).isEqualTo(9001);
        h.api.awaitSent(s -> s.chatId() == USER, "the answer to the update with the right secret");
    }

    @Test
    void deliveriesWithAMissingOrWrongSecretAreRefusedAndTheUpdateIsAnsweredOnceWhenItComesWithTheRightOne() {
        BotHarness h = webhookBot();
        h.api.forgeSecrets(2); // the next two deliveries come without the secret, then with a wrong one
        int id = h.api.privateText(USER, "ru", TestCorpus.TOLL_RU);
        FakeBotApi.await(() -> h.api.confirmed(id), Duration.ofSeconds(15), "the update to be confirmed");
        assertThat(h.api.webhookAnswers()).containsExactly(401, 401, 200);
        FakeBotApi.await(() -> answersTo(h.api, TestCorpus.TOLL_RU) == 1 && h.bot.outboxPending() == 0, Duration.ofSeconds(15), "the answer");
        assertThat(answersTo(h.api, TestCorpus.TOLL_RU)).isEqualTo(1);
    }

    @Test
    void switchingBackToPollingDeletesTheWebhook() throws Exception {
        BotHarness first = webhookBot();
        first.ask(USER, "ru", TestCorpus.TOLL_RU);
        open.remove(first);
        first.close(); // Telegram's deliveries to the old webhook fail from now on

        // the next start has no TELEGRAM_WEBHOOK_URL; Telegram still has the webhook set
        BotHarness polling = new BotHarness(Intake.POLLING, tmp, knowledge, BotHarness.QUICK, (app, s) -> new TelegramBot(BotHarness.sources(app), s),
                api -> {
                    api.updateIdsFrom(1000);
                    api.presetWebhook(url);
                });
        open.add(0, polling);
        polling.ask(USER, "en", "How many people died in the January events?");
        assertThat(polling.api.calls("deletewebhook")).hasSize(1);
        assertThat(polling.api.webhookUrl()).isNull();
        assertThat(polling.api.refusals()).noneMatch(r -> r.startsWith("getupdates: 409"));
    }

    /** serve itself: TELEGRAM_WEBHOOK_URL turns the webhook on, on the port of the web pages. */
    @Test
    void serveTakesUpdatesThroughTheWebhookWhenTheVariableIsSet() throws Exception {
        knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        int port = freePort(); // serve takes its port from QANTAR_WEB_PORT
        try (FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, SendLimits.TELEGRAM)) {
            Process serve = ServeProcess.launch(api, knowledge, tmp, "serve", java.util.Map.of(
                    "QANTAR_WEB_PORT", String.valueOf(port), "TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + port + BotHarness.HOOK_PATH));
            try {
                api.privateText(USER, "ru", TestCorpus.TOLL_RU);
                FakeBotApi.await(() -> answersTo(api, TestCorpus.TOLL_RU) == 1, Duration.ofSeconds(60), "the answer");
                assertThat(api.webhookUrl()).isEqualTo("http://127.0.0.1:" + port + BotHarness.HOOK_PATH);
                assertThat(api.pollTimes()).isEmpty();
            } finally {
                serve.destroy();
                serve.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private int post(String body, String secret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(Webhook.SECRET_HEADER, secret);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
