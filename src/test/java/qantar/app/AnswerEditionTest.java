package qantar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.answer.Answer;
import qantar.answer.Question;
import qantar.testing.Fixture;

/**
 * A question asked again reopens its stored answer only while what composes answers is the same:
 * after a new configuration (or version, or composer) it is answered afresh under a new id, and
 * the answer people cited stays under its own.
 */
class AnswerEditionTest {
    private static final String QUESTION = "Сколько человек погибло в январе 2022 года?";

    @TempDir
    Path tmp;

    @Test
    void aChangedConfigurationAnswersAgainAndKeepsTheCitedAnswer() {
        Path config = Fixture.copyTree(Fixture.config(), tmp.resolve("config"));
        Path data = tmp.resolve("data");
        Answer first = ask(data, config);
        assertThat(ask(data, config).id()).as("same configuration: the stored answer").isEqualTo(first.id());

        Fixture.edit(config.resolve("answers-this.yaml"), "threshold: 0.060", "threshold: 0.061");
        Answer renewed = ask(data, config);
        assertThat(renewed.id()).isNotEqualTo(first.id());
        assertThat(renewed.createdAt()).isNotEqualTo(first.createdAt());
        assertThat(ask(data, config).id()).as("the new edition's answer is stored in turn").isEqualTo(renewed.id());
        try (Qantar app = Qantar.open(data, Fixture.knowledge(), config, Progress.NONE)) {
            assertThat(app.answers().find(first.id())).as("still citable").hasValueSatisfying(a -> {
                assertThat(a.createdAt()).isEqualTo(first.createdAt());
                assertThat(a.question()).isEqualTo(QUESTION);
            });
        }
    }

    @Test
    void aFolderWithNoAnswerYetKeepsTheFirstEdition() {
        Path config = Fixture.copyTree(Fixture.config(), tmp.resolve("config"));
        Answer fresh = ask(tmp.resolve("fresh"), config);
        Path data = tmp.resolve("data");
        Qantar.open(data, Fixture.knowledge(), Fixture.config(), Progress.NONE).close();
        Fixture.edit(config.resolve("answers-this.yaml"), "threshold: 0.060", "threshold: 0.061");
        assertThat(ask(data, config).id()).as("nothing stored to renew: the id a new folder gives").isEqualTo(fresh.id());
    }

    private static Answer ask(Path data, Path config) {
        try (Qantar app = Qantar.open(data, Fixture.knowledge(), config, Progress.NONE)) {
            return app.answers().answer(Question.of(QUESTION));
        }
    }
}
