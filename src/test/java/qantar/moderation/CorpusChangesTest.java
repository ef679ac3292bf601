package qantar.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.answer.Question;
import qantar.answer.Statement;
import qantar.app.Qantar;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.store.CorpusStore;
import qantar.store.Database;
import qantar.testing.Engine;
import qantar.testing.Fixture;

/** Uploads, export round trips and re-imports of knowledge/ next to moderators' changes. */
@ParameterizedClass
@EnumSource(Engine.class)
class CorpusChangesTest {
    @Parameter
    Engine engine;

    static final long ADMIN = 1001;
    static final long ALICE = 2002;
    static final long BOB = 3003;

    static final String NEW_SOURCE = """
            id: n1
            title: Almaty after the unrest
            publisher: Vlast.kz
            date: "2022-02-01"
            url: https://vlast.kz/example
            language: ru
            side: independent
            passages:
              - id: n1-market
                side: independent
                speaker: {en: "Vlast.kz", ru: "Vlast.kz", kk: "Vlast.kz"}
                topics: [timeline]
                original: ru
                text:
                  ru: Журналисты Vlast.kz насчитали 96 разграбленных магазинов на Зеленом базаре в Алматы.
                  en: Vlast.kz journalists counted 96 looted shops at the Green Bazaar in Almaty.
                asks:
                  ru: ["Сколько магазинов разграбили на Зелёном базаре?", "Что Vlast.kz насчитал на Зелёном базаре?"]
                  en: ["How many shops were looted at the Green Bazaar?", "What did Vlast.kz count at the Green Bazaar?"]
              - id: n1-broken
                side: bystander
                speaker: {en: "Someone", ru: "Некто", kk: "Біреу"}
                topics: [timeline]
                text:
                  en: A second passage with a bad side.
            """;

    @TempDir
    Path tmp;
    Path knowledge;
    Qantar app;
    Moderation mod;

    @BeforeEach
    void open() {
        knowledge = Fixture.copyKnowledge(tmp.resolve("knowledge"));
        app = engine.app(tmp.resolve("data"), knowledge);
        mod = Moderation.of(app.database(), app.corpusStore(), app.live()::corpus, Moderation.Settings.DEFAULTS, app.live()::reload);
        mod.team().bootstrapAdmins(java.util.List.of(ADMIN));
        mod.team().grant(ADMIN, ALICE);
        mod.team().grant(ADMIN, BOB);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aBrokenUploadedFileIsRefusedWithLineNumbersAndAddsNothing() {
        long revision = app.corpusStore().revision();
        Result<Proposal> r = mod.proposing().upload(ALICE, "n1.yaml", NEW_SOURCE);
        assertThat(r.status()).isEqualTo(Result.Status.ERROR);
        assertThat(r.key()).isEqualTo("mod.invalid_file");
        assertThat(r.arg("problems")).contains("n1.yaml:21").contains("unknown side 'bystander'");
        assertThat(mod.review().queue(BOB).value()).isEmpty();
        assertThat(app.corpusStore().revision()).isEqualTo(revision);
        assertThat(app.live().corpus().sourcesById()).doesNotContainKey("n1");
    }

    @Test
    void aValidUploadIsOneBatchThatGoesLiveWhole() {
        String good = NEW_SOURCE.substring(0, NEW_SOURCE.indexOf("  - id: n1-broken"));
        Result<Proposal> r = mod.proposing().upload(ALICE, "n1.yaml", good);
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.arg("created")).isEqualTo("1");
        assertThat(mod.review().approve(BOB, "" + r.value().id()).ok()).isTrue();
        assertThat(app.answers().answer(Question.of("Сколько магазинов разграбили на Зеленом базаре в январе?")).statements())
                .extracting(Statement::passageId).contains("n1-market");

        // the same file again, changed, is an update of the live source, also reviewed
        Result<Proposal> again = mod.proposing().upload(ALICE, "n1.yaml", good.replace("96", "97"));
        assertThat(again.arg("updated")).isEqualTo("1");
        assertThat(mod.review().approve(BOB, "" + again.value().id()).ok()).isTrue();
        assertThat(app.live().corpus().passagesById().get("n1-market").texts().get(Lang.RU)).contains("97");
        // a passage id of another source is a clash with its line
        Result<Proposal> clash = mod.proposing().upload(ALICE, "n1.yaml", good.replace("id: n1-market", "id: o29-detained-4404"));
        assertThat(clash.arg("problems")).contains("n1.yaml:9").contains("duplicate passage id 'o29-detained-4404'");
    }

    @Test
    void exportThenImportIntoAFreshDatabaseThenExportGivesTheSameFiles() throws IOException {
        long pid = mod.proposing().propose(ALICE, Drafts.translation("o29", Side.OFFICIAL, Lang.RU, "МВД сообщило о 347 сожжённых машинах полиции в Алматы.")
                .withAsks(Map.of(Lang.RU, List.of("Сколько машин полиции сожгли в Алматы?", "Что МВД сообщило о сожжённых машинах?"))), null).value().id();
        assertThat(mod.review().approve(BOB, "" + pid).ok()).isTrue();
        Path first = tmp.resolve("export1");
        assertThat(mod.export().toFolder(ADMIN, first).ok()).isTrue();

        CorpusReader.Result read = CorpusReader.read(first);
        assertThat(read.errors()).isEmpty();
        assertThat(read.corpus().passagesById()).isEqualTo(app.corpusStore().load().passagesById());
        assertThat(read.corpus().sourcesById()).isEqualTo(app.corpusStore().load().sourcesById());

        Path second = tmp.resolve("export2");
        try (Database db = engine.open(tmp.resolve("fresh"))) {
            CorpusStore fresh = new CorpusStore(db);
            fresh.importCorpus(read.orThrow(), "round trip", null);
            qantar.corpus.CorpusWriter.write(fresh.load(), second);
        }
        assertThat(files(second)).isEqualTo(files(first));
        assertThat(files(first)).containsKey("sources/o29.yaml").containsKey("topics.yaml");
        assertThat(files(first).get("sources/o29.yaml")).contains("o29-m1");
    }

    @Test
    void reimportingKnowledgeNeverOverwritesWhatModeratorsChangedAndReportsTheConflict() {
        long pid = mod.proposing().edit(ALICE, "o29-detained-4404", Drafts.edited(mod, "o29-detained-4404")
                .withSpeakers(Drafts.speaker("Ministry of Internal Affairs")), null, null).value().id();
        mod.review().approve(BOB, "" + pid);
        long retire = mod.proposing().retire(ALICE, "h2-ten-killed", "duplicate").value().id();
        mod.review().approve(BOB, "" + retire);
        CorpusStore store = app.corpusStore();

        // the files did not change: nothing to report, moderators' versions stand
        CorpusStore.ImportReport same = store.importCorpus(CorpusReader.read(knowledge).orThrow(), "again", null);
        assertThat(same.conflicts()).isEmpty();
        assertThat(same.changedAnything()).isFalse();

        Fixture.edit(knowledge.resolve("sources/o29.yaml"), "4,404 people", "4,404 people, by its count,");
        Fixture.edit(knowledge.resolve("sources/h2.yaml"), "at least 10 people", "at least ten people");
        CorpusStore.ImportReport r = store.importCorpus(CorpusReader.read(knowledge).orThrow(), "edited files", null);
        assertThat(r.conflicts()).containsExactlyInAnyOrder("o29-detained-4404", "h2-ten-killed");
        assertThat(store.passage("o29-detained-4404").orElseThrow().passage().speaker()).isEqualTo("Ministry of Internal Affairs");
        assertThat(store.passage("h2-ten-killed").orElseThrow().live()).isFalse();
    }

    @Test
    void knowledgeThatCaughtUpWithTheModeratorsIsAdoptedSoLaterFileEditsApplyAgain() {
        long pid = mod.proposing().edit(ALICE, "o29-detained-4404", Drafts.edited(mod, "o29-detained-4404")
                .withSpeakers(Drafts.speaker("Ministry of Internal Affairs")), null, null).value().id();
        mod.review().approve(BOB, "" + pid);
        CorpusStore store = app.corpusStore();
        Fixture.edit(knowledge.resolve("sources/o29.yaml"), "speaker: {en: \"Interior Ministry of Kazakhstan\", ru: \"МВД Казахстана\", kk: \"Қазақстан ІІМ\"}",
                "speaker: {en: \"Ministry of Internal Affairs\", ru: \"Ministry of Internal Affairs\", kk: \"Ministry of Internal Affairs\"}");
        assertThat(store.importCorpus(CorpusReader.read(knowledge).orThrow(), "export committed", null).conflicts()).isEmpty();

        Fixture.edit(knowledge.resolve("sources/o29.yaml"), "4,404 people", "4,404 people, by its count,");
        CorpusStore.ImportReport r = store.importCorpus(CorpusReader.read(knowledge).orThrow(), "later edit", null);
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.passagesUpdated()).isEqualTo(1);
        assertThat(store.passage("o29-detained-4404").orElseThrow().passage().texts().get(Lang.EN)).contains("by its count");
    }

    @Test
    void aPassageModeratorsCreatedIsNeitherRetiredNorOverwrittenByAnImport() {
        long pid = mod.proposing().propose(ALICE, Drafts.original("o29", Side.OFFICIAL, Lang.EN, "The ministry counted 347 burned police cars.")
                .withAsks(Map.of(Lang.EN, List.of("How many police cars were burned?", "What did the ministry count?"))), null).value().id();
        mod.review().approve(BOB, "" + pid);
        CorpusStore.ImportReport r = app.corpusStore().importCorpus(CorpusReader.read(knowledge).orThrow(), "again", null);
        assertThat(r.passagesRetired()).isZero();
        assertThat(app.corpusStore().load().passagesById()).containsKey("o29-m1");
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return out;
    }
}
