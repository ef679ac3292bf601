package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.search.FieldExistsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.app.Qantar;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Side;
import qantar.testing.Fixture;

class ShippedVectorsTest {
    @TempDir
    Path tmp;

    /** The shared in-process model, the one every Qantar of this JVM embeds with. */
    private static Embedder model() {
        return Embedder.fromSetting("on").orElseThrow();
    }

    @Test
    void theShippedFileHasTheVectorOfEveryPassageOfTheShippedCorpus() {
        assertEveryPassageHasItsShippedVector(Path.of("knowledge"), "java -jar target/qantar-bot.jar corpus vectors");
    }

    /** The fixture ships its vectors too, so that the tests opening it embed no passage (only their questions). */
    @Test
    void theFixtureCorpusShipsTheVectorOfEveryPassage() {
        assertEveryPassageHasItsShippedVector(Fixture.knowledge(),
                "java -jar target/qantar-bot.jar corpus vectors src/test/resources/fixture/knowledge");
    }

    private static void assertEveryPassageHasItsShippedVector(Path knowledge, String regenerate) {
        Set<String> hashes = CorpusReader.read(knowledge).orThrow().passages().stream()
                .map(IndexDocuments::textHash).collect(Collectors.toSet());
        Map<String, float[]> shipped = ShippedVectors.in(knowledge).get(model().id(), hashes);
        assertThat(hashes).as(knowledge.resolve(ShippedVectors.FILE) + " is stale; regenerate it: " + regenerate)
                .allMatch(shipped::containsKey);
    }

    @Test
    void aFirstStartEmbedsNothingWithTheShippedVectorsAndAChangedPassageIsEmbedded() throws Exception {
        Path knowledge = Fixture.copyKnowledge(tmp.resolve("knowledge"));
        Corpus corpus = CorpusReader.read(knowledge).orThrow();
        Embedder model = model();
        assertThat(ShippedVectors.write(knowledge, corpus, model).total()).isPositive();

        long before = model.embedded();
        try (Qantar app = Fixture.open(tmp.resolve("data"), knowledge)) {
            assertThat(model.embedded()).isEqualTo(before);
            assertThat(withVectors(app)).isEqualTo(corpus.passages().size());
        }

        Path source = knowledge.resolve("sources/o29.yaml");
        Files.writeString(source, Files.readString(source).replace("4,404 people had been detained", "4,404 people were held"));
        try (Qantar app = Fixture.open(tmp.resolve("other-data"), knowledge)) {
            assertThat(model.embedded()).isEqualTo(before + 1);
            assertThat(withVectors(app)).isEqualTo(corpus.passages().size());
        }
    }

    /** A text the shipped file lacks is embedded once: a restart, even with its index lost, finds it in the store. */
    @Test
    void aRestartOnAKeptDataDirEmbedsNothingAgain() throws Exception {
        Path knowledge = Fixture.copyKnowledge(tmp.resolve("knowledge"));
        Path source = knowledge.resolve("sources/o29.yaml");
        Files.writeString(source, Files.readString(source).replace("4,404 people had been detained", "4,404 people were kept"));
        Path data = tmp.resolve("data");
        Embedder model = model();
        long before = model.embedded();
        try (Qantar app = Fixture.open(data, knowledge)) {
            assertThat(model.embedded()).isEqualTo(before + 1);
        }
        try (Qantar app = Fixture.open(data, knowledge)) {
            assertThat(model.embedded()).isEqualTo(before + 1);
            assertThat(withVectors(app)).isEqualTo(app.live().corpus().passages().size());
        }
        qantar.store.Folders.delete(data.resolve("index"));
        try (Qantar app = Fixture.open(data, knowledge)) {
            assertThat(model.embedded()).isEqualTo(before + 1);
            assertThat(withVectors(app)).isEqualTo(app.live().corpus().passages().size());
        }
    }

    @Test
    void regeneratingKeepsTheFileAsItWasAndDropsTextsNoLongerInTheCorpus() throws Exception {
        Path knowledge = Fixture.copyKnowledge(tmp.resolve("knowledge"));
        Corpus corpus = CorpusReader.read(knowledge).orThrow();
        ShippedVectors.write(knowledge, corpus, model());
        byte[] first = Files.readAllBytes(knowledge.resolve(ShippedVectors.FILE));

        ShippedVectors.Written again = ShippedVectors.write(knowledge, corpus, model());
        assertThat(again.embedded()).isZero();
        assertThat(Files.readAllBytes(knowledge.resolve(ShippedVectors.FILE))).isEqualTo(first);

        Corpus fewer = new Corpus(corpus.sources(), corpus.passages().subList(1, corpus.passages().size()), corpus.topics(),
                corpus.glossary(), corpus.timeline());
        assertThat(ShippedVectors.write(knowledge, fewer, model()).total()).isEqualTo(again.total() - 1);
    }

    @Test
    void halfPrecisionRoundTripsEveryHalfAndRoundsFloatsToTheNearest() {
        for (int h = 0; h < 0x10000; h++) {
            boolean nan = (h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0;
            if (!nan) {
                assertThat(ShippedVectors.Half.fromFloat(ShippedVectors.Half.toFloat((short) h))).isEqualTo((short) h);
            }
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            float f = (float) random.nextGaussian() * 0.1f;
            float back = ShippedVectors.Half.toFloat(ShippedVectors.Half.fromFloat(f));
            // half a unit in the last of 11 significant bits, or half the smallest subnormal
            assertThat(Math.abs(back - f)).isLessThanOrEqualTo(Math.max(Math.abs(f) * 0x1p-11f, 0x1p-25f));
        }
        assertThat(ShippedVectors.Half.toFloat(ShippedVectors.Half.fromFloat(1e6f))).isInfinite();
    }

    private static int withVectors(Qantar app) {
        return app.index().search(s -> {
            int n = 0;
            for (Side side : Side.values()) {
                n += s.count(new FieldExistsQuery(PassageIndex.vectorField(side)));
            }
            return n;
        });
    }
}
