package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static qantar.telegram.BotHarness.USER;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.moderation.Role;
import qantar.telegram.TelegramWorld.Sent;

@ParameterizedClass
@EnumSource(Intake.class)
class CommandsTest {
    @Parameter
    Intake intake;

    @TempDir
    Path tmp;
    BotHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private Sent say(String lang, String text) {
        return h.ask(USER, lang, text);
    }

    private Sent pressAndAwait(Sent on, String data) {
        int before = h.api.sentTo(USER).size();
        String q = h.api.press(USER, on, data);
        FakeBotApi.await(() -> h.api.callbackAnswered(q) && h.api.sentTo(USER).size() > before, Duration.ofSeconds(10), data);
        return h.api.sentTo(USER).get(h.api.sentTo(USER).size() - 1);
    }

    @Test
    void helpSidesAboutAndCiteUsageSpeakTheUsersTelegramLanguage() {
        h = BotHarness.quick(intake, tmp);
        assertThat(say("en", "/help").text()).contains("/sources", "/timeline", "/cite", "/lang", "Send your question");
        assertThat(say("en", "/sides").text()).contains("Official position", "Mlechin's book", "official", "mlechin_book", "hrw");
        assertThat(say("en", "/about").text()).contains("3 sources", "4 passages");
        assertThat(say("en", "/cite").text()).contains("Send /cite and an answer id");
        assertThat(say("en", "/cite nosuchid").text()).contains("no answer with id nosuchid");
        assertThat(say("en", "/ask").text()).contains("after /ask");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void langChoiceOverridesTelegramsLanguageUntilSetBackToAuto() {
        h = BotHarness.quick(intake, tmp);
        Sent menu = say("ru", "/lang");
        Sent kk = pressAndAwait(menu, "lang:kk");
        assertThat(kk.text()).contains("Интерфейс тілі: қазақша");
        assertThat(say("ru", "/help").text()).contains("Командалар");
        Sent auto = pressAndAwait(menu, "lang:auto");
        assertThat(auto.text()).contains("как в вашем Telegram");
        assertThat(say("ru", "/help").text()).contains("Команды");
    }

    @Test
    void sourcesArePagedAndFilteredBySide() {
        Path k = TestCorpus.write(tmp.resolve("knowledge"), false);
        TestCorpus.addOtherVoices(k, 10);
        h = new BotHarness(intake, tmp, k, BotHarness.QUICK, s -> s);
        Sent first = say("en", "/sources");
        assertThat(first.text()).contains("Sources in the corpus (13)", "Page 1 of 2");
        assertThat(first.hasButton("pg:src:all:1")).isTrue();
        String q = h.api.press(USER, first, "pg:src:all:1");
        FakeBotApi.await(() -> h.api.callbackAnswered(q) && h.api.sentTo(USER).stream().anyMatch(s -> s.method().equals("editmessagetext")),
                Duration.ofSeconds(10), "page 2");
        Sent second = h.api.sentTo(USER).get(h.api.sentTo(USER).size() - 1);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.text()).contains("Page 2 of 2");
        assertThat(second.hasButton("pg:src:all:0")).isTrue();

        Sent hrw = say("en", "/sources hrw");
        assertThat(hrw.text()).contains("(1)", "Kazakhstan: <Killings> & Arrests").doesNotContain("novostey");
        assertThat(say("en", "/sources nobody").text()).contains("There is no side \"nobody\"");
        assertThat(h.api.refusals()).isEmpty();

        // the same page again from the stale message: Telegram says "not modified", which is no error
        String again = h.api.press(USER, first, "pg:src:all:1");
        FakeBotApi.await(() -> h.api.callbackAnswered(again) && h.bot.outboxPending() == 0, Duration.ofSeconds(10), "second press");
        assertThat(h.api.refusals()).singleElement().asString().contains("message is not modified");
        assertThat(h.bot.counters().errors()).isZero();
    }

    @Test
    void anEmptyTimelineIsExplainedPolitely() {
        h = BotHarness.quick(intake, tmp);
        assertThat(say("ru", "/timeline").text()).contains("Хронологию ещё составляют");
    }

    @Test
    void theTimelineListsDatedEventsWithTheirSources() {
        h = new BotHarness(intake, tmp, TestCorpus.write(tmp.resolve("knowledge"), true), BotHarness.QUICK, s -> s);
        Sent t = say("en", "/timeline");
        assertThat(t.text()).contains("2022-01-05 — The government resigns", "2022-01-15 — The Prosecutor General reports 225 dead",
                "novostey.com", "Page 1 of 1");
        assertThat(t.text().indexOf("2022-01-05")).isLessThan(t.text().indexOf("2022-01-15"));
    }

    @Test
    void commandsRegisteredFromOutsideAreRoutedAndRoleChecked() {
        h = new BotHarness(intake, tmp, BotHarness.QUICK, s -> s.withRoles(user -> user == USER ? Role.MODERATOR : Role.CITIZEN));
        h.bot.commands().command("queue", Role.MODERATOR, null, false, (req, reply) -> reply.html("queue for " + req.role()));
        h.bot.commands().command("secret", Role.ADMIN, null, false, (req, reply) -> reply.html("admins only"));
        assertThat(say("en", "/queue").text()).isEqualTo("queue for MODERATOR");
        assertThat(say("en", "/secret").text()).contains("do not know that command");
    }
}
