package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import qantar.telegram.api.SendLimits;

/** The fake refuses what Telegram refuses, so the bot's tests can fail. */
class FakeBotApiTest {
    final FakeBotApi api = new FakeBotApi(BotHarness.TOKEN, new SendLimits(1000, 30, 20, 60_000));
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode post(String token, String method, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/bot" + token + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode n = new ObjectMapper().readTree(r.body());
        assertThat(n.path("ok").asBoolean() ? 200 : n.path("error_code").asInt()).isEqualTo(r.statusCode());
        return n;
    }

    private JsonNode send(long chat, String html, String markup) throws Exception {
        return post(BotHarness.TOKEN, "sendmessage", "{\"chat_id\":" + chat + ",\"parse_mode\":\"HTML\",\"text\":"
                + new ObjectMapper().writeValueAsString(html) + (markup == null ? "" : ",\"reply_markup\":" + markup) + "}");
    }

    @Test
    void aWrongTokenIsUnauthorized() throws Exception {
        assertThat(post("1:wrong", "getme", "{}").path("error_code").asInt()).isEqualTo(401);
        assertThat(post(BotHarness.TOKEN, "getme", "{}").path("result").path("username").asText()).isEqualTo(FakeBotApi.BOT_USERNAME);
    }

    @Test
    void getUpdatesIsRefusedWhileAWebhookIsSet() throws Exception {
        assertThat(post(BotHarness.TOKEN, "setwebhook", "{\"url\":\"ftp://x\"}").path("error_code").asInt()).isEqualTo(400);
        assertThat(post(BotHarness.TOKEN, "setwebhook", "{\"url\":\"https://x.org/h\",\"secret_token\":\"a b\"}")
                .path("error_code").asInt()).isEqualTo(400);
        assertThat(post(BotHarness.TOKEN, "setwebhook", "{\"url\":\"https://x.org/h\",\"secret_token\":\"ab-1_Z\"}")
                .path("ok").asBoolean()).isTrue();
        assertThat(post(BotHarness.TOKEN, "getupdates", "{\"timeout\":0}").path("error_code").asInt()).isEqualTo(409);
        assertThat(post(BotHarness.TOKEN, "deletewebhook", "{}").path("ok").asBoolean()).isTrue();
        assertThat(post(BotHarness.TOKEN, "getupdates", "{\"timeout\":0}").path("ok").asBoolean()).isTrue();
    }

    @Test
    void malformedHtmlIsRefused() throws Exception {
        assertThat(send(1, "<b>bold", null).path("description").asText()).contains("Can't parse entities", "end tag");
        assertThat(send(2, "a < b", null).path("description").asText()).contains("Can't parse entities");
        assertThat(send(3, "Tom & Jerry", null).path("description").asText()).contains("must be escaped");
        assertThat(send(4, "<script>x</script>", null).path("description").asText()).contains("unsupported start tag");
        assertThat(send(5, "&nbsp;", null).path("description").asText()).contains("unsupported HTML entity");
        assertThat(send(6, "<a>x</a>", null).path("description").asText()).contains("href");
        assertThat(send(7, "<b>fine</b> &lt;ok&gt; &amp; <a href=\"https://x.org/?a=1&amp;b=2\">link</a>", null).path("ok").asBoolean()).isTrue();
    }

    @Test
    void textOver4096CharactersAfterParsingIsRefused() throws Exception {
        assertThat(send(1, "x".repeat(4097), null).path("description").asText()).contains("message is too long");
        assertThat(send(2, "<b>" + "x".repeat(4096) + "</b>", null).path("ok").asBoolean()).isTrue();
        assertThat(send(3, "&amp;".repeat(4096), null).path("ok").asBoolean()).isTrue();
        assertThat(send(4, "  ", null).path("description").asText()).contains("empty");
    }

    @Test
    void callbackDataOver64BytesIsRefused() throws Exception {
        String cyrillic33 = "ж".repeat(33); // 66 bytes in UTF-8
        assertThat(send(1, "x", "{\"inline_keyboard\":[[{\"text\":\"b\",\"callback_data\":\"" + cyrillic33 + "\"}]]}")
                .path("description").asText()).contains("BUTTON_DATA_INVALID");
        assertThat(send(2, "x", "{\"inline_keyboard\":[[{\"text\":\"b\",\"callback_data\":\"" + "a".repeat(64) + "\"}]]}")
                .path("ok").asBoolean()).isTrue();
    }

    @Test
    void goingOverThePerChatRateGets429WithRetryAfter() throws Exception {
        assertThat(send(9, "one", null).path("ok").asBoolean()).isTrue();
        JsonNode second = send(9, "two", null);
        assertThat(second.path("error_code").asInt()).isEqualTo(429);
        assertThat(second.path("parameters").path("retry_after").asInt()).isEqualTo(1);
        assertThat(send(10, "another chat", null).path("ok").asBoolean()).isTrue();
        send(9, "three, ignoring retry_after", null);
        assertThat(api.ignoredRetryAfter()).isEqualTo(1);
    }

    @Test
    void anUnknownCallbackQueryCannotBeAnswered() throws Exception {
        assertThat(post(BotHarness.TOKEN, "answercallbackquery", "{\"callback_query_id\":\"nope\"}").path("description").asText())
                .contains("query is too old");
    }
}
