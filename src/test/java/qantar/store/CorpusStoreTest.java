package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusException;
import qantar.corpus.CorpusReader;
import qantar.testing.Engine;
import qantar.testing.Fixture;

@ParameterizedClass
@EnumSource(Engine.class)
class CorpusStoreTest {
    @Parameter
    Engine engine;

    @TempDir
    Path tmp;

    private Corpus read(Path k) {
        return CorpusReader.read(k).orThrow();
    }

    @Test
    void reimportingTheSameCorpusChangesNothing() {
        try (Database db = engine.open(tmp.resolve("data"))) {
            CorpusStore store = new CorpusStore(db);
            CorpusStore.ImportReport first = store.importCorpus(read(Fixture.knowledge()), "test", null);
            assertThat(first.passagesCreated()).isEqualTo(10);
            assertThat(first.sourcesCreated()).isEqualTo(9);
            long revision = store.revision();

            CorpusStore.ImportReport again = store.importCorpus(read(Fixture.knowledge()), "test", null);
            assertThat(again.changedAnything()).isFalse();
            assertThat(again.passagesUnchanged()).isEqualTo(10);
            assertThat(store.revision()).isEqualTo(revision);
            assertThat(store.load().passages()).hasSize(10);
        }
    }

    @Test
    void aChangedFileMakesANewRevisionAndARemovedPassageIsRetiredNotDeleted() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        try (Database db = engine.open(tmp.resolve("data"))) {
            CorpusStore store = new CorpusStore(db);
            store.importCorpus(read(k), "first", null);
            Fixture.edit(k.resolve("sources/o29.yaml"), "4,404 people", "4,404 people, by its count,");
            Files.delete(k.resolve("sources/i59.yaml"));

            CorpusStore.ImportReport r = store.importCorpus(read(k), "second", null);
            assertThat(r.passagesUpdated()).isEqualTo(1);
            assertThat(r.passagesRetired()).isEqualTo(1);
            assertThat(store.load().passagesById()).doesNotContainKey("i59-gas-protests");
            assertThat(store.load().passagesById().get("o29-detained-4404").texts().values()).anyMatch(t -> t.contains("by its count"));

            assertThat(store.history("o29-detained-4404")).extracting(CorpusStore.Revision::action, CorpusStore.Revision::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("create", "first"), org.assertj.core.groups.Tuple.tuple("update", "second"));
            assertThat(store.history("i59-gas-protests")).extracting(CorpusStore.Revision::action).containsExactly("create", "retire");
            assertThat(store.history("i59-gas-protests").get(1).author()).isEqualTo(CorpusStore.IMPORT_AUTHOR);
            // its source left with its file: no longer listed among the live sources
            assertThat(store.load().sourcesById()).doesNotContainKey("i59").containsKey("o29");
        }
    }

    @Test
    void anInvalidCorpusImportsNothingAtAll() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/h2.yaml"), "    side: hrw", "    side: bogus_side");
        assertThatThrownBy(() -> engine.app(tmp.resolve("data"), k)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("unknown side 'bogus_side'");
        try (Database db = engine.open(tmp.resolve("data"))) {
            assertThat(new CorpusStore(db).load().passages()).isEmpty();
            assertThat(new CorpusStore(db).revision()).isZero();
        }
    }

    @Test
    void migrationsRunOnceAndReopeningKeepsData() {
        try (Database db = engine.open(tmp)) {
            new CorpusStore(db).importCorpus(read(Fixture.knowledge()), "test", null);
        }
        try (Database db = engine.open(tmp)) {
            assertThat(new CorpusStore(db).load().passages()).hasSize(10);
            int versions = db.query(() -> {
                try (var rs = db.connection().createStatement().executeQuery("SELECT COUNT(*) FROM schema_version")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(versions).isPositive();
            if (engine != Engine.SQLITE) {
                return;
            }
            String mode = db.query(() -> {
                try (var rs = db.connection().createStatement().executeQuery("PRAGMA journal_mode")) {
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aCorruptDatabaseFileGivesAClearError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(engine == Engine.SQLITE, "a file of SQLite's");
        Files.writeString(tmp.resolve("qantar.db"), "this is not a database, just text that is long enough to look like a header".repeat(20));
        assertThatThrownBy(() -> engine.open(tmp)).isInstanceOf(StoreException.class)
                .hasMessageContaining("qantar.db");
    }

    @Test
    void aNewerSchemaThanTheProgramKnowsIsRefused() {
        try (Database db = engine.open(tmp)) {
            db.inTransaction(() -> Sql.exec(db.connection(), "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", 999, "V999__future.sql", "2030-01-01T00:00:00Z"));
        }
        assertThatThrownBy(() -> engine.open(tmp)).isInstanceOf(StoreException.class).hasMessageContaining("schema version 999");
    }
    @Test
    void theCorpusSinceARevisionIsTheKnownOneWithOnlyTheChangedPassagesReadAgain() {
        try (Database db = engine.open(tmp.resolve("data"))) {
            CorpusStore store = new CorpusStore(db);
            store.importCorpus(read(Fixture.knowledge()), "test", null);
            long revision = store.revision();
            Corpus known = store.load();
            var edited = known.passagesById().get("o29-detained-4404");
            var texts = new java.util.EnumMap<qantar.corpus.Lang, String>(edited.texts());
            texts.put(qantar.corpus.Lang.EN, "4,404 people, by its count, were detained.");
            store.updatePassage(new qantar.corpus.Passage(edited.id(), edited.sourceId(), edited.side(), edited.speaker(), edited.topics(),
                    texts, edited.original(), edited.quote(), edited.said(), edited.caution(), edited.asks(), edited.sameAs(),
                    edited.speakers()), store.passage(edited.id()).orElseThrow().digest(), "moderator", "test");
            store.retirePassage("i59-gas-protests", "moderator", "test");
            // new passages sorting first, between two known ones and last
            for (String id : java.util.List.of("0-first", "o29-detained-4404-again", "zz-last")) {
                store.createPassage(new qantar.corpus.Passage(id, edited.sourceId(), edited.side(), edited.speaker(), edited.topics(),
                        texts, edited.original(), edited.quote(), edited.said(), edited.caution(), edited.asks(), null,
                        edited.speakers()), "moderator", "test");
            }

            java.util.Set<String> changed = new java.util.HashSet<>();
            Corpus since = store.loadSince(known, revision, changed);
            assertThat(changed).containsExactlyInAnyOrder("o29-detained-4404", "i59-gas-protests", "0-first", "o29-detained-4404-again", "zz-last");
            assertThat(since).isEqualTo(store.load());
            assertThat(since.passagesById()).doesNotContainKey("i59-gas-protests");
        }
    }
}
