package qantar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import qantar.testing.Fixture;

/**
 * {@code ask --json} and {@code ask --explain} as golden files beside their questions: the JSON is a
 * public contract, so its bytes are pinned (but for {@code created_at}, the moment it was asked).
 * The questions are asked in a fresh data folder, each twice: the second time the stored answer is
 * reopened and must print the same bytes. Regenerate with {@code -Dqantar.golden.write=true}.
 */
class AskGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/ask");
    private static final boolean WRITE = Boolean.getBoolean("qantar.golden.write");

    @TempDir
    Path tmp;

    /** Name, then the arguments after {@code ask}. */
    private static final List<List<String>> QUESTIONS = List.of(
            List.of("dead-ru", "--json", "--explain", "Сколько человек погибло во время январских событий 2022 года?"),
            List.of("dead-en-hrw", "--json", "--explain", "--lang", "en", "--side", "hrw", "Сколько человек погибло?"),
            List.of("csto-en", "--json", "--explain", "Why were CSTO troops sent to Kazakhstan?"),
            List.of("weather", "--json", "--explain", "What's the weather in Paris tomorrow?"),
            List.of("dead-kk-text", "--lang", "kk", "How many people died?"));

    @AfterEach
    void clear() {
        List.of("QANTAR_DATA_DIR", "QANTAR_KNOWLEDGE_DIR", "QANTAR_CONFIG_DIR").forEach(System::clearProperty);
    }

    @TestFactory
    Stream<DynamicTest> askPrintsTheGoldenBytes() {
        return QUESTIONS.stream().map(q -> DynamicTest.dynamicTest(q.get(0), () -> check(q.get(0), q.subList(1, q.size()))));
    }

    private void check(String name, List<String> args) throws IOException {
        System.setProperty("QANTAR_DATA_DIR", tmp.resolve("data").toString()); // fresh for this test, shared by its questions
        System.setProperty("QANTAR_KNOWLEDGE_DIR", Fixture.knowledge().toString());
        System.setProperty("QANTAR_CONFIG_DIR", Fixture.config().toString());
        String[] first = ask(args);
        String[] again = ask(args);
        assertThat(again[0]).as("the stored answer reopened").isEqualTo(first[0]);
        assertThat(again[1]).as("the explanation of the stored answer").isEqualTo(first[1]);
        String out = first[0].replaceFirst("\"created_at\" : \"[^\"]+\"", "\"created_at\" : \"…\"");
        Path outFile = GOLDEN.resolve(name + (args.contains("--json") ? ".json" : ".txt"));
        Path errFile = GOLDEN.resolve(name + ".explain.txt");
        if (WRITE) {
            Files.writeString(outFile, out);
            if (args.contains("--explain")) {
                Files.writeString(errFile, first[1]);
            }
        }
        assertThat(out).isEqualTo(Files.readString(outFile));
        assertThat(first[1]).isEqualTo(args.contains("--explain") ? Files.readString(errFile) : "");
    }

    private static String[] ask(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("ask"));
        all.addAll(args);
        assertThat(Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true))).isZero();
        return new String[] {out.toString(), err.toString()};
    }
}
