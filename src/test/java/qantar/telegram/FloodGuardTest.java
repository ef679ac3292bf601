package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloodGuardTest {
    @TempDir
    Path tmp;

    @Test
    void anUpdateHandledAgainAfterARetryCountsOnce() {
        FloodGuard guard = new FloodGuard(2);
        assertThat(guard.check(7, 100)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 100)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 101)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 102)).isEqualTo(FloodGuard.Verdict.NOTICE);
        assertThat(guard.check(7, 103)).isEqualTo(FloodGuard.Verdict.SILENT);
        assertThat(guard.check(8, 104)).isEqualTo(FloodGuard.Verdict.ANSWER);
    }

    @Test
    void inlineQueriesTypedAsTheUserWritesDoNotUseUpTheirChatQuestions() {
        try (BotHarness h = new BotHarness(tmp, BotHarness.QUICK, s -> s.withQuestionsPerMinute(2))) {
            for (String typed : new String[] {"How many", "How many people died", "How many people died in January?"}) {
                h.api.inlineQuery(BotHarness.USER, typed);
            }
            FakeBotApi.await(() -> h.api.calls("answerinlinequery").size() == 3, Duration.ofSeconds(15), "three inline answers");
            assertThat(h.api.calls("answerinlinequery")).allMatch(c -> c.path("results").size() > 0);
            assertThat(h.ask(BotHarness.USER, "en", TestCorpus.TOLL_RU).text()).contains("Официальная позиция");
        }
    }
}
