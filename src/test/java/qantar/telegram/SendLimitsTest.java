package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static qantar.telegram.BotHarness.USER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.SendLimits;
import qantar.telegram.api.TelegramStore;

/** The send queue keeps Telegram's limits, waits out 429s, and loses or repeats nothing. */
@ParameterizedClass
@EnumSource(Intake.class)
class SendLimitsTest {
    @Parameter
    Intake intake;

    @TempDir
    Path tmp;

    private static long answers(List<Sent> sent) {
        return sent.stream().filter(s -> s.text().contains("Ответ:")).count();
    }

    @Test
    void aUserPastTheQuestionLimitGetsOnePoliteNotice() {
        try (BotHarness h = new BotHarness(intake, tmp, BotHarness.QUICK, s -> s.withQuestionsPerMinute(3))) {
            int last = 0;
            for (int i = 0; i < 6; i++) {
                last = h.api.privateText(USER, "ru", TestCorpus.TOLL_RU + " " + i);
            }
            int lastId = last;
            FakeBotApi.await(() -> new TelegramStore(h.app.database()).handled(lastId) && h.bot.outboxPending() == 0,
                    Duration.ofSeconds(20), "all questions handled");
            List<Sent> sent = h.api.sentTo(USER);
            assertThat(answers(sent)).isEqualTo(3);
            assertThat(sent).filteredOn(s -> s.text().contains("Подождите, пожалуйста, минуту")).hasSize(1);
            assertThat(h.bot.counters().questions()).isEqualTo(3);
        }
    }

    @Test
    void a429StormIsWaitedOutWithoutLosingOrRepeatingAMessage() {
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            h.api.storm(5, 1);
            long[] users = {601, 602, 603};
            for (long u : users) {
                h.api.privateText(u, "ru", TestCorpus.TOLL_RU);
            }
            FakeBotApi.await(() -> java.util.Arrays.stream(users).allMatch(u -> answers(h.api.sentTo(u)) >= 1) && h.bot.outboxPending() == 0,
                    Duration.ofSeconds(30), "every answer after the storm");
            for (long u : users) {
                assertThat(answers(h.api.sentTo(u))).isEqualTo(1);
            }
            assertThat(h.api.tooManyRequests()).isGreaterThanOrEqualTo(5);
            assertThat(h.api.ignoredRetryAfter()).isZero();
            assertThat(h.bot.counters().throttledCalls()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void noTypingActionGoesToAChatWhileItWaitsOutA429() {
        try (BotHarness h = BotHarness.quick(intake, tmp)) {
            h.api.storm(1, 2); // long enough for the second answer to be ready while the chat waits
            h.api.privateText(604, "ru", TestCorpus.TOLL_RU);
            FakeBotApi.await(() -> h.api.tooManyRequests() >= 1, Duration.ofSeconds(15), "the 429 on the first answer");
            h.api.privateText(604, "ru", "Сколько человек задержали после январских событий?");
            FakeBotApi.await(() -> answers(h.api.sentTo(604)) >= 2 && h.bot.outboxPending() == 0, Duration.ofSeconds(30), "both answers");
            assertThat(h.api.ignoredRetryAfter()).isZero();
        }
    }

    @Test
    void withTelegramsOwnLimitsSeveralMessagesToOneChatAreNeverRefused() {
        try (BotHarness h = new BotHarness(intake, tmp, SendLimits.TELEGRAM, s -> s)) {
            for (String c : List.of("/help", "/sides", "/start")) {
                h.api.privateText(USER, "en", c);
            }
            FakeBotApi.await(() -> h.api.sentTo(USER).size() == 3 && h.bot.outboxPending() == 0, Duration.ofSeconds(20), "three replies");
            assertThat(h.api.tooManyRequests()).isZero();
            assertThat(h.api.sentTo(USER).get(0).text()).contains("/sources"); // in the order asked
            assertThat(h.api.sentTo(USER).get(2).text()).contains("Qantar Sources");
        }
    }

    @Test
    void aGroupGetsNoMoreThanItsLimitPerWindowAndEveryMentionIsAnswered() {
        SendLimits tightGroups = new SendLimits(50, 30, 3, 1000);
        try (BotHarness h = new BotHarness(intake, tmp, tightGroups, s -> s)) {
            long group = -100200;
            for (int i = 0; i < 5; i++) {
                h.api.groupText(group, 700 + i, "@" + FakeBotApi.BOT_USERNAME + " " + TestCorpus.TOLL_RU, null);
            }
            FakeBotApi.await(() -> h.api.sentTo(group).size() == 5 && h.bot.outboxPending() == 0, Duration.ofSeconds(20), "five answers");
            assertThat(h.api.tooManyRequests()).isZero();
        }
    }

    @Test
    void manyChatsAtOnceStayUnderTheOverallRate() {
        SendLimits overall = new SendLimits(100, 10, 20, 60_000);
        try (BotHarness h = new BotHarness(intake, tmp, overall, s -> s)) {
            for (int u = 0; u < 25; u++) {
                h.api.privateText(1000 + u, "en", "/about");
            }
            FakeBotApi.await(() -> h.api.sent().size() == 25 && h.bot.outboxPending() == 0, Duration.ofSeconds(20), "25 replies");
            assertThat(h.api.tooManyRequests()).isZero();
        }
    }

    @Test
    void inlineQueriesTypedAsTheUserWritesDoNotUseUpTheirChatQuestions() {
        try (BotHarness h = new BotHarness(intake, tmp, BotHarness.QUICK, s -> s.withQuestionsPerMinute(2))) {
            for (String typed : new String[] {"How many", "How many people died", "How many people died in January?"}) {
                h.api.inlineQuery(BotHarness.USER, typed);
            }
            FakeBotApi.await(() -> h.api.calls("answerinlinequery").size() == 3, Duration.ofSeconds(15), "three inline answers");
            assertThat(h.api.calls("answerinlinequery")).allMatch(c -> c.path("results").size() > 0);
            assertThat(h.ask(BotHarness.USER, "en", TestCorpus.TOLL_RU).text()).contains("Официальная позиция");
        }
    }
}
