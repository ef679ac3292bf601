package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.app.Qantar;
import qantar.moderation.Team;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.moderation.ModerationBot;

/** A broken knowledge/ file at start: the bot answers from the last good corpus and tells the administrators. */
@ParameterizedClass
@EnumSource(Intake.class)
class CorpusProblemsNoticeTest {
    @Parameter
    Intake intake;

    @TempDir
    Path tmp;

    @Test
    void administratorsAreToldWhichFileAndLineKeptKnowledgeFromBeingImported() throws Exception {
        Path knowledge = TestCorpus.write(tmp.resolve("knowledge"), false);
        try (Qantar first = BotHarness.open(tmp.resolve("data"), knowledge)) {
            assertThat(first.corpusProblems()).isEmpty(); // the last good corpus is in the database
        }
        Path broken = Files.list(knowledge.resolve("sources")).findFirst().orElseThrow();
        Files.writeString(broken, Files.readString(broken) + "\n  - id: [unclosed\n");
        ModerationBot.Wired[] wired = new ModerationBot.Wired[1];
        try (BotHarness h = new BotHarness(intake, tmp, knowledge, BotHarness.QUICK, (app, settings) -> {
            wired[0] = BotHarness.moderated(app, settings, Team.parseAdmins("1001"));
            return wired[0].bot();
        })) {
            // as serve does once the bot has started
            ModerationBot.tellAboutCorpusProblems(wired[0], h.app.corpusProblems(), h.app.texts(), h.app.live().revision());
            Sent notice = h.api.awaitSent(s -> s.chatId() == 1001, "the notice to the administrator");
            assertThat(notice.text()).contains("were not imported", "last good corpus", "sources/" + broken.getFileName() + ":");
            assertThat(h.ask(77, "ru", TestCorpus.TOLL_RU).text()).contains("Официальная позиция");
            assertThat(h.api.sentTo(77)).noneMatch(s -> s.text().contains("not imported"));
        }
    }
}
