package qantar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.answer.Question;
import qantar.testing.Fixture;

/** The starter data folder the build packs (StarterData, made in Maven's process-classes phase). */
class StarterDataTest {
    @TempDir
    Path tmp;

    @Test
    void aFirstStartOnTheShippedKnowledgeUnpacksTheStarterAndNeitherImportsNorIndexes() {
        assertThat(StarterData.class.getResource(StarterData.RESOURCE)).as("made by the build").isNotNull();
        List<String> steps = new ArrayList<>();
        try (Qantar app = open(tmp.resolve("data"), shipped(tmp.resolve("k")), steps)) {
            assertThat(steps).isEmpty();
            assertThat(app.live().corpus().passages()).hasSizeGreaterThan(800);
            assertThat(answer(app)).contains("238");
        }
        // what it unpacked is an ordinary data folder: the next start finds it current
        try (Qantar app = open(tmp.resolve("data"), shipped(tmp.resolve("k2")), steps)) {
            assertThat(steps).isEmpty();
        }
        assertThat(tmp.resolve("data")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".starter"));
    }

    @Test
    void anEditedKnowledgeFolderIsImportedAndIndexedAsWithoutAStarter() throws Exception {
        Path k = shipped(tmp.resolve("k"));
        Files.writeString(k.resolve("topics.yaml"), "# one more line\n", StandardOpenOption.APPEND);
        List<String> steps = new ArrayList<>();
        try (Qantar app = open(tmp.resolve("data"), k, steps)) {
            assertThat(steps).containsExactly("Importing", "Indexing");
            assertThat(answer(app)).contains("238");
        }
    }

    @Test
    void aFolderThatHoldsADatabaseIsNeverOverwritten() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("qantar.db"), "");
        // the shipped knowledge/, so that only the database present keeps the starter out
        assertThat(StarterData.restoreIfNew(data, qantar.store.Database.Location.sqlite(data), shipped(tmp.resolve("k")))).isNull();
        assertThat(data.resolve("index")).doesNotExist();
        assertThat(Files.size(data.resolve("qantar.db"))).isZero();
    }

    /** A copy of the corpus the program ships (the fixture corpus is another). */
    private static Path shipped(Path target) {
        return Fixture.copyTree(Path.of("knowledge").toAbsolutePath(), target);
    }

    private static Qantar open(Path data, Path knowledge, List<String> steps) {
        return Qantar.open(data, knowledge, Fixture.config(), (task, total) -> {
            steps.add(task);
            return done -> { };
        });
    }

    private static String answer(Qantar app) {
        return app.answers().compose(Question.of("Сколько человек погибло?")).answer().statements().toString();
    }
}
