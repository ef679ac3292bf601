package qantar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.answer.Question;
import qantar.testing.Fixture;

class KnowledgeStampTest {
    @TempDir
    Path tmp;

    @Test
    void anEditIsImportedWhetherItsFileIsJustWrittenOrDatedInThePast() throws IOException {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        ageAll(k, Instant.now().minusSeconds(3600));
        long first;
        try (Qantar app = Fixture.open(tmp.resolve("data"), k)) {
            first = app.live().revision();
            assertThat(KnowledgeImport.stamp(k)).isNotNull().isEqualTo(app.corpusStore().meta("knowledge_stamp"));
        }
        try (Qantar app = Fixture.open(tmp.resolve("data"), k)) {
            assertThat(app.live().revision()).isEqualTo(first); // nothing changed, nothing imported
        }
        // just written: the stamp is not trusted, the files are read
        Fixture.edit(k.resolve("sources/o11.yaml"), "тела 225 погибших", "тела 226 погибших");
        assertThat(KnowledgeImport.stamp(k)).isNull();
        try (Qantar app = Fixture.open(tmp.resolve("data"), k)) {
            assertThat(text(app)).contains("226");
        }
        // edited, then dated in the past (a restored backup): another time, so the files are read
        Fixture.edit(k.resolve("sources/o11.yaml"), "тела 226 погибших", "тела 227 погибших");
        Files.setLastModifiedTime(k.resolve("sources/o11.yaml"), FileTime.from(Instant.now().minusSeconds(7200)));
        try (Qantar app = Fixture.open(tmp.resolve("data"), k)) {
            assertThat(text(app)).contains("227");
        }
    }

    private static String text(Qantar app) {
        return app.answers().compose(Question.of("Сколько человек погибло?")).answer().statements().toString();
    }

    private static void ageAll(Path dir, Instant when) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(when));
            }
        }
    }
}
