package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static qantar.telegram.BotHarness.USER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.TelegramStore;

/** Every button under an answer does its job, and every press is answered. */
@ParameterizedClass
@EnumSource(Intake.class)
class ButtonsTest {
    @Parameter
    Intake intake;

    @TempDir
    Path tmp;
    BotHarness h;
    Sent answer;
    String id;

    @BeforeEach
    void start() {
        h = BotHarness.quick(intake, tmp);
        h.api.privateText(USER, "ru", TestCorpus.TOLL_RU);
        answer = h.api.awaitSent(s -> s.hasButton("src:"), "the answer");
        id = answer.data("src:").substring(4);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Presses a button; returns the new or edited messages it caused, once the press was answered. */
    private List<Sent> press(Sent on, String data) {
        int before = h.api.sentTo(USER).size();
        String q = h.api.press(USER, on, data);
        FakeBotApi.await(() -> h.api.callbackAnswered(q), Duration.ofSeconds(10), "the press to be answered: " + data);
        FakeBotApi.await(() -> h.bot.outboxPending() == 0, Duration.ofSeconds(10), "the outbox to drain");
        List<Sent> all = h.api.sentTo(USER);
        return all.subList(before, all.size());
    }

    @Test
    void sourcesListsEverySourceWithPublisherAndDate() {
        List<Sent> out = press(answer, "src:" + id);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).text()).contains("novostey.com", "2022-01-15", "Human Rights Watch", "2022-01-26",
                "Независимое издание", "Kazakhstan: <Killings> & Arrests");
    }

    @Test
    void aSideButtonShowsThatSideInMoreDepth() {
        List<Sent> out = press(answer, answer.data("side:" + id + ":hrw"));
        assertThat(out).hasSizeGreaterThanOrEqualTo(2);
        assertThat(out.get(0).text()).contains("Human Rights Watch", "Заявления, доклады");
        Sent deeper = out.get(out.size() - 1);
        assertThat(deeper.text()).contains("HRW задокументировала").doesNotContain("225 погибших");
        assertThat(deeper.hasButton("cite:")).isTrue();
    }

    @Test
    void citeGivesACopyableBlockAndADeepLink() {
        List<Sent> out = press(answer, "cite:" + id);
        assertThat(out.get(0).html()).startsWith("<pre>").endsWith("</pre>");
        assertThat(out.get(0).text()).contains(TestCorpus.TOLL_RU, "ОФИЦИАЛЬНАЯ ПОЗИЦИЯ", "https://example.org/news/t1?a=1&b=2",
                "2022-01-15", "Генпрокуратура назвала число погибших", "ревизия корпуса");
        assertThat(out.get(out.size() - 1).text()).contains("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=a_" + id);
    }

    @Test
    void thumbsUpIsStoredAndThanked() {
        List<Sent> out = press(answer, "up:" + id);
        assertThat(out).isEmpty();
        assertThat(new TelegramStore(h.app.database()).feedback(id)).containsExactly("1:null");
        assertThat(h.api.calls("answercallbackquery").get(0).path("text").asText()).contains("Спасибо");
        press(answer, "up:" + id);
        assertThat(new TelegramStore(h.app.database()).feedback(id)).as("one vote per user and answer").containsExactly("1:null");
        h.api.press(USER + 1, answer, "up:" + id);
        FakeBotApi.await(() -> new TelegramStore(h.app.database()).feedback(id).size() == 2, Duration.ofSeconds(10), "another user's vote");
    }

    @Test
    void thumbsDownAsksWhatIsWrongAndStoresTheReasonForModerators() {
        Sent ask = press(answer, "dn:" + id).get(0);
        assertThat(ask.text()).contains("Что не так");
        assertThat(ask.markup().toString()).contains("why:" + id + ":side", "why:" + id + ":fact", "why:" + id + ":missing", "why:" + id + ":other");
        List<Sent> out = press(ask, "why:" + id + ":missing");
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("editmessagetext");
            assertThat(s.text()).contains("передано модераторам", "Не хватает стороны");
        });
        assertThat(new TelegramStore(h.app.database()).feedback(id)).containsExactly("-1:missing");
    }

    @Test
    void aButtonUnderAMessageTooOldToEditGetsItsReplyAsANewMessage() {
        Sent ask = press(answer, "dn:" + id).get(0);
        int before = h.api.sentTo(USER).size();
        String q = h.api.pressInaccessible(USER, ask, "why:" + id + ":fact");
        FakeBotApi.await(() -> h.api.callbackAnswered(q), Duration.ofSeconds(10), "the press to be answered");
        FakeBotApi.await(() -> h.bot.outboxPending() == 0, Duration.ofSeconds(10), "the outbox to drain");
        List<Sent> out = h.api.sentTo(USER).subList(before, h.api.sentTo(USER).size());
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("sendmessage");
            assertThat(s.text()).contains("передано модераторам");
        });
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void aStaleOrForgedButtonIsStillAnswered() {
        String q = h.api.press(USER, answer, "src:zzzzzzzz");
        FakeBotApi.await(() -> h.api.callbackAnswered(q), Duration.ofSeconds(10), "the press to be answered");
        String q2 = h.api.press(USER, answer, "nonsense");
        FakeBotApi.await(() -> h.api.callbackAnswered(q2), Duration.ofSeconds(10), "the press to be answered");
        assertThat(h.api.refusals()).isEmpty();
    }
}
