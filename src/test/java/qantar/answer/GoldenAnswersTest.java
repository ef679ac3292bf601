package qantar.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import qantar.app.Qantar;
import qantar.config.Texts;
import qantar.corpus.Side;
import qantar.telegram.render.AnswerHtml;
import qantar.testing.Fixture;

/**
 * Golden answers, as jlox keeps its tests: each question of fixture/golden/answers.yaml sits beside
 * what its answer must show (language, scope, the passages each side shows, the sides missing),
 * one test per question; two answers are also pinned whole, as Telegram HTML and as JSON. All
 * share one application on the fixture corpus.
 *
 * <p>When retrieval changes the answers on purpose, rewrite the files and review their diff:
 * {@code mvn -B verify -Dtest=GoldenAnswersTest -Dgolden.update=true}.
 */
class GoldenAnswersTest {
    private static final Path DIR = Path.of("src/test/resources/fixture/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** The answers rendered whole, by file name. */
    private static final Map<String, String> RENDERED = Map.of(
            "toll-ru", "Сколько человек погибло во время январских событий 2022 года?",
            "csto-en", "What does Mlechin say about the CSTO?");
    private static final Yaml YAML = yaml();

    @TempDir
    static Path tmp;
    static Qantar app;

    @BeforeAll
    static void open() {
        app = Fixture.open(tmp);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static Yaml yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(200);
        o.setAllowUnicode(true);
        return new Yaml(o);
    }

    @TestFactory
    Stream<DynamicTest> eachQuestionShowsItsGoldenSidesAndPassages() throws IOException {
        Path file = DIR.resolve("answers.yaml");
        List<Map<String, Object>> golden = YAML.load(Files.readString(file));
        if (UPDATE) {
            List<Map<String, Object>> now = new ArrayList<>();
            golden.forEach(g -> now.add(project(answer((String) g.get("question")))));
            Files.writeString(file, "# Regenerate: mvn -B verify -Dtest=GoldenAnswersTest -Dgolden.update=true (then review the diff)\n"
                    + YAML.dump(now));
            golden = now;
        }
        return golden.stream().map(g -> {
            String q = (String) g.get("question");
            return dynamicTest(q, () -> same(YAML.dump(g), YAML.dump(project(answer(q))), "the answer to «" + q + "»"));
        });
    }

    @TestFactory
    Stream<DynamicTest> twoAnswersRenderAsTheirGoldenHtmlAndJson() throws IOException {
        AnswerHtml html = new AnswerHtml(Texts.load(Fixture.config()));
        List<DynamicTest> tests = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(RENDERED).entrySet()) {
            Answer a = stamped(answer(e.getValue()));
            tests.add(golden(e.getKey() + ".html", String.join("\n---\n", html.answer(a, a.language(), AnswerHtml.Form.FULL)) + "\n"));
            tests.add(golden(e.getKey() + ".json", AnswerJson.write(a, true) + "\n"));
        }
        return tests.stream();
    }

    private static DynamicTest golden(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (UPDATE) {
            Files.writeString(file, actual);
        }
        String expected = Files.readString(file);
        return dynamicTest(name, () -> same(expected, actual, name));
    }

    /** Fails with the lines that differ, golden (-) against now (+). */
    private static void same(String expected, String actual, String what) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        assertEquals(expected, actual, () -> what + " differs from its golden file (if on purpose, rerun with -Dgolden.update=true):\n"
                + String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("golden", "now", before, DiffUtils.diff(before, after), 2)) + "\n");
    }

    private static Answer answer(String question) {
        return app.answers().answer(Question.of(question));
    }

    /** The answer with a fixed creation time, the one part of it that changes from run to run. */
    private static Answer stamped(Answer a) {
        return new Answer(a.id(), a.question(), a.language(), a.inScope(), a.statements(), a.sidesMissing(), a.sources(), a.message(),
                a.revision(), "2026-01-01T00:00:00Z", a.bestCoverage());
    }

    /** What a reader of the answer would check: scope, language, which passage each side shows, who is missing. */
    static Map<String, Object> project(Answer a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", a.question());
        out.put("lang", a.language().code());
        out.put("in_scope", a.inScope());
        Map<String, List<String>> sides = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            for (Statement st : a.statements(side)) {
                sides.computeIfAbsent(side.id(), k -> new ArrayList<>())
                        .add(st.passageId() + (st.translated() ? " (translation, " + st.lang().code() + ")" : ""));
            }
        }
        if (!sides.isEmpty()) {
            out.put("sides", sides);
        }
        if (!a.sidesMissing().isEmpty()) {
            out.put("missing", a.sidesMissing().stream().map(Side::id).toList());
        }
        if (a.message() != null) {
            out.put("message", a.message().substring(0, Math.min(40, a.message().length())) + "…");
        }
        return out;
    }
}
