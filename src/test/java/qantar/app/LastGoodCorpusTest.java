package qantar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.answer.Question;
import qantar.corpus.CorpusException;
import qantar.testing.Fixture;

class LastGoodCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void aBrokenKnowledgeFileLeavesTheLastGoodCorpusAnsweringAndNamesFileAndLine() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        try (Qantar app = Fixture.open(tmp.resolve("data"), k)) {
            assertThat(app.corpusProblems()).isEmpty();
        }
        Fixture.edit(k.resolve("sources/o11.yaml"), "    side: official", "    side: bogus");
        Fixture.edit(k.resolve("sources/o11.yaml"), "тела 225 погибших", "тела 999 погибших");
        try (Qantar app = Fixture.open(tmp.resolve("data"), k)) {
            assertThat(app.corpusProblems()).singleElement().asString().contains("o11.yaml:").contains("unknown side 'bogus'");
            assertThat(app.answers().compose(Question.of("Сколько человек погибло?")).answer().statements())
                    .anySatisfy(s -> assertThat(s.text()).contains("225")).noneSatisfy(s -> assertThat(s.text()).contains("999"));
        }
    }

    @Test
    void withNoCorpusYetABrokenFolderStillStopsTheStart() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/o11.yaml"), "    side: official", "    side: bogus");
        assertThatThrownBy(() -> Fixture.open(tmp.resolve("data"), k)).isInstanceOf(CorpusException.class);
    }
}
