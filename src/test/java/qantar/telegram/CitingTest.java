package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static qantar.telegram.BotHarness.USER;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.corpus.CorpusReader;
import qantar.telegram.TelegramWorld.Sent;

@ParameterizedClass
@EnumSource(Intake.class)
class CitingTest {
    @Parameter
    Intake intake;

    @TempDir
    Path tmp;
    BotHarness h;

    @BeforeEach
    void start() {
        h = BotHarness.quick(intake, tmp);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Sent say(String text) {
        return h.askWhole(USER, "ru", text);
    }

    @Test
    void citeAndTheDeepLinkReopenTheSameAnswerAfterTheCorpusChanged() throws Exception {
        Sent answer = say(TestCorpus.TOLL_RU);
        String id = answer.data("cite:").substring(5);

        Path t1 = h.knowledge.resolve("sources/t1.yaml");
        Files.writeString(t1, Files.readString(t1).replace("тела 225 погибших", "тела 227 погибших"));
        h.app.corpusStore().importCorpus(CorpusReader.read(h.knowledge).orThrow(), "test edit", n -> { });
        h.app.live().reload();
        assertThat(say(TestCorpus.TOLL_RU).text()).contains("227 погибших").doesNotContain("Ответ: " + id);

        int before = h.api.sentTo(USER).size();
        say("/cite " + id);
        java.util.List<Sent> cite = h.api.sentTo(USER).subList(before, h.api.sentTo(USER).size());
        assertThat(cite.get(0).text()).contains(id, TestCorpus.TOLL_RU, "225 погибших").doesNotContain("227");
        String link = "https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=a_" + id;
        assertThat(cite.get(cite.size() - 1).text()).contains(link);

        Sent reopened = say("/start a_" + id);
        assertThat(reopened.text()).contains("225 погибших", "Ответ: " + id).doesNotContain("227");
        assertThat(reopened.hasButton("cite:" + id)).isTrue();
        assertThat(say("/start a_unknown1").text()).contains("нет");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void withAPublicAddressTheCitationGivesTheWebPageFirstAndTheTelegramLinkBeside() {
        h.close();
        System.setProperty("QANTAR_PUBLIC_URL", "https://qantar.example.org/");
        try {
            h = BotHarness.quick(intake, tmp.resolve("web"));
            String id = say(TestCorpus.TOLL_RU).data("cite:").substring(5);
            int before = h.api.sentTo(USER).size();
            say("/cite " + id);
            java.util.List<Sent> cite = h.api.sentTo(USER).subList(before, h.api.sentTo(USER).size());
            String page = "https://qantar.example.org/a/" + id;
            assertThat(cite.get(0).text()).contains(page);
            String last = cite.get(cite.size() - 1).text();
            assertThat(last.indexOf(page)).isNotNegative().isLessThan(last.indexOf("https://t.me/" + FakeBotApi.BOT_USERNAME));
        } finally {
            System.clearProperty("QANTAR_PUBLIC_URL");
        }
    }
}
