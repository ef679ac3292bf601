package qantar.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.app.Qantar;
import qantar.corpus.Side;
import qantar.testing.Fixture;

/**
 * Golden answers: for each question in fixture/golden/questions.txt, the expected statements by
 * side sit in fixture/golden/answers.txt. Run with -Dgolden.update=true to rewrite the expectations
 * after a deliberate change, then review the diff.
 */
class GoldenAnswersTest {
    @TempDir
    Path tmp;

    @Test
    void answersMatchTheGoldenFile() throws IOException {
        Path dir = Fixture.resource("fixture/golden");
        List<String> questions = Files.readAllLines(dir.resolve("questions.txt")).stream().filter(l -> !l.isBlank()).toList();
        StringBuilder actual = new StringBuilder();
        try (Qantar app = Fixture.open(tmp)) {
            for (String q : questions) {
                actual.append(project(app.answers().answer(Question.of(q)))).append('\n');
            }
        }
        Path golden = dir.resolve("answers.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/fixture/golden/answers.txt"), actual);
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(golden));
    }

    /** What a reader of the answer would check: scope, language, which passage each side shows, who is missing. */
    static String project(Answer a) {
        StringBuilder s = new StringBuilder("Q: " + a.question() + "\n");
        s.append("  lang: ").append(a.language().code()).append(", in scope: ").append(a.inScope()).append('\n');
        for (Side side : Side.values()) {
            for (Statement st : a.statements(side)) {
                s.append("  ").append(side.id()).append(": ").append(st.passageId())
                        .append(st.translated() ? " (translation, " + st.lang().code() + ")" : "").append('\n');
            }
        }
        if (!a.sidesMissing().isEmpty()) {
            s.append("  missing: ").append(String.join(", ", a.sidesMissing().stream().map(Side::id).toList())).append('\n');
        }
        if (a.message() != null) {
            s.append("  message: ").append(a.message(), 0, Math.min(40, a.message().length())).append("…\n");
        }
        return s.toString();
    }
}
