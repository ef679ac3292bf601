package qantar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.testing.Fixture;

/** A process answering from a data folder follows corpus changes another process commits to it. */
class FollowRevisionsTest {
    @TempDir
    Path tmp;

    @Test
    void aNewerRevisionCommittedByAnotherProcessIsLoaded() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        try (Qantar web = Fixture.open(tmp.resolve("data"), k)) {
            long before = web.live().revision();
            assertThat(web.live().reloadIfNewer()).isFalse();
            Path f = k.resolve("sources/o29.yaml");
            Files.writeString(f, Files.readString(f).replace("4.4 thousand", "4.5 thousand"));
            // another process (a `corpus import`) commits the change through its own connection
            try (var importer = qantar.store.Database.open(tmp.resolve("data"))) {
                var store = new qantar.store.CorpusStore(importer);
                store.importCorpus(qantar.corpus.CorpusReader.read(k).corpus(), "test", n -> { });
            }
            assertThat(web.live().reloadIfNewer()).isTrue();
            assertThat(web.live().revision()).isGreaterThan(before);
            assertThat(web.live().corpus().sourcesById().get("o29").title()).contains("4.5 thousand");
        }
    }
}
