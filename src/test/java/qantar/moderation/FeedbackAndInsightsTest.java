package qantar.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.answer.Answer;
import qantar.answer.Question;
import qantar.app.Qantar;
import qantar.corpus.Lang;
import qantar.testing.Engine;

/** Citizens' reports, gaps and stats over answers really given by the answer service. */
@ParameterizedClass
@EnumSource(Engine.class)
class FeedbackAndInsightsTest {
    @Parameter
    Engine engine;

    static final long ADMIN = 1001;
    static final long ALICE = 2002;
    static final long CITIZEN = 4004;

    @TempDir
    Path tmp;
    Qantar app;
    Moderation mod;

    @BeforeEach
    void open() {
        app = engine.app(tmp.resolve("data"));
        mod = Moderation.of(app.database(), app.corpusStore(), app.live()::corpus, Moderation.Settings.DEFAULTS, app.live()::reload);
        mod.team().bootstrapAdmins(List.of(ADMIN));
        mod.team().grant(ADMIN, ALICE);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Answer ask(String q) {
        return app.answers().answer(Question.of(q));
    }

    @Test
    void aCitizensReportWaitsForAModeratorAndItsResolutionIsLogged() {
        Answer a = ask("How many people died in January 2022?");
        assertThat(mod.feedback().report(CITIZEN, "nosuchid", "wrong", null).key()).isEqualTo("mod.no_answer");
        Result<Long> r = mod.feedback().report(CITIZEN, a.id(), "the figure is outdated", "see the prosecutor's update");
        assertThat(r.ok()).isTrue();

        Reports.Report open = mod.feedback().open(ALICE).value().get(0);
        assertThat(open.answerId()).isEqualTo(a.id());
        assertThat(open.reason()).isEqualTo("the figure is outdated");
        assertThat(open.userHash()).doesNotContain(String.valueOf(CITIZEN)).hasSize(32);

        assertThat(mod.feedback().resolve(ALICE, open.id() + "", "maybe", null).key()).isEqualTo("mod.resolve_usage");
        Result<Reports.Report> resolved = mod.feedback().resolve(ALICE, open.id() + "", "not_an_issue", "the figure is the latest official one");
        assertThat(resolved.ok()).isTrue();
        assertThat(resolved.value().status()).isEqualTo("not_an_issue");
        assertThat(resolved.value().note()).isEqualTo("the figure is the latest official one");
        assertThat(mod.feedback().resolve(ALICE, open.id() + "", "fixed", null).key()).isEqualTo("mod.already_resolved");
        assertThat(mod.feedback().open(ALICE).value()).isEmpty();
        assertThat(mod.access().audit().latest(5)).extracting(AuditLog.Entry::action, AuditLog.Entry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("feedback", "ok"),
                org.assertj.core.groups.Tuple.tuple("resolve", "error"),
                org.assertj.core.groups.Tuple.tuple("resolve", "ok"),
                org.assertj.core.groups.Tuple.tuple("resolve", "error"),
                org.assertj.core.groups.Tuple.tuple("feedback", "ok"));
        assertThat(mod.access().audit().latest(3).get(2).target()).isEqualTo("report " + open.id());
    }

    @Test
    void gapsAreTheFrequentQuestionsThatFoundLittleGroupedAndAnonymised() {
        ask("How many people died in January 2022?"); // answered well: not a gap
        ask("What did the Almaty zoo do with its animals in January 2022?");
        ask("what did the Almaty zoo do with its animals in January 2022");
        ask("What did the Almaty zoo do with its animals in January 2022?!");
        ask("What did the Almaty zoo do with its animals in January 2022?"); // the very same question again counts too
        ask("Call me at +7 701 123 45 67 about the January events in Almaty, what about the zoo?");

        List<Insights.Gap> gaps = mod.feedback().gaps(ALICE, 10).value();
        assertThat(gaps).isNotEmpty();
        assertThat(gaps.get(0).question()).isEqualTo("what did the almaty zoo do with its animals in january 2022");
        assertThat(gaps.get(0).count()).isEqualTo(4);
        assertThat(gaps.get(0).bestScore()).isLessThan(Moderation.Settings.DEFAULTS.gapThreshold());
        assertThat(gaps).noneMatch(g -> g.question().contains("how many people died"));
        assertThat(gaps).noneMatch(g -> g.question().contains("701")).anyMatch(g -> g.question().contains("#"));
    }

    @Test
    void statsCountQuestionsLanguagesSidesAndReports() {
        Answer ru = ask("Сколько человек погибло во время январских событий 2022 года?");
        ask("How many people died in January 2022?");
        ask("What is the weather in Paris?");
        mod.feedback().report(CITIZEN, ru.id(), "one-sided", null);

        Insights.Stats s = mod.feedback().stats(ALICE).value();
        assertThat(s.questionsPerDay().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(s.languages()).containsEntry(Lang.RU.code(), 1).containsEntry(Lang.EN.code(), 2);
        assertThat(s.sidesShown()).containsKey("official");
        assertThat(s.nothingShown()).isEqualTo(1);
        assertThat(s.reports()).containsEntry("open", 1);
    }

    @Test
    void everyMessageKeyModerationUsesIsInMessagesYamlInThreeLanguages() throws Exception {
        Set<String> keys = new TreeSet<>();
        Pattern key = Pattern.compile("\"(mod\\.[a-z_]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/qantar/moderation"))) {
            for (Path f : files.toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(40);
        for (String k : keys) {
            assertThat(app.texts().has(k)).as(k).isTrue();
            for (Lang l : Lang.values()) {
                assertThat(app.texts().get(k, l)).as(k + " " + l).isNotBlank();
            }
        }
        // the three languages really differ (not an English fallback)
        assertThat(app.texts().get("mod.refused", Lang.RU)).isNotEqualTo(app.texts().get("mod.refused", Lang.EN));
        assertThat(app.texts().get("mod.refused", Lang.KK)).isNotEqualTo(app.texts().get("mod.refused", Lang.EN));
    }
}
