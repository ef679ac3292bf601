package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Passage;
import qantar.testing.Fixture;

/**
 * The stored JSON of corpus records is hashed into the digests that tell an import what changed:
 * its bytes must not move. The fixture corpus is pinned in full, readable; the shipped corpus per
 * file, as the digest of the file's bytes and of its records' JSON, so a file edited since it was
 * pinned is simply not checked while every unchanged one still is.
 *
 * <p>Regenerate (only when the bytes change on purpose, with a migration of the digests) with
 * {@code -Dqantar.golden.write=true}.
 */
class CorpusJsonGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean WRITE = Boolean.getBoolean("qantar.golden.write");

    @Test
    void fixtureCorpusJsonIsByteIdentical() throws IOException {
        String json = String.join("", records(Fixture.knowledge()).values());
        Path golden = GOLDEN.resolve("corpus-json-fixture.jsonl");
        if (WRITE) {
            Files.writeString(golden, json);
        }
        assertThat(json).isEqualTo(Files.readString(golden));
    }

    @Test
    void shippedCorpusJsonIsByteIdenticalForEveryFileUnchangedSincePinned() throws IOException {
        Path golden = GOLDEN.resolve("corpus-json-shipped.tsv");
        Map<String, String> now = new LinkedHashMap<>();
        Path knowledge = Path.of("knowledge");
        records(knowledge).forEach((file, json) -> now.put(file + "\t" + fileDigest(knowledge.resolve(file)), Sha256.hex(json)));
        if (WRITE) {
            StringBuilder sb = new StringBuilder();
            now.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            Files.writeString(golden, sb.toString());
        }
        int checked = 0;
        for (String line : Files.readAllLines(golden)) {
            String[] f = line.split("\t");
            String key = f[0] + "\t" + f[1];
            if (now.containsKey(key)) {
                assertThat(now.get(key)).as("the JSON of the records of %s", f[0]).isEqualTo(f[2]);
                checked++;
            }
        }
        // If the corpus has moved on this far, pin it again: an unchecked golden guards nothing.
        assertThat(checked).as("files still as pinned").isGreaterThan(now.size() / 2);
    }

    /** Per corpus file, the JSON of what it holds, one record a line, as the store writes it. */
    private static Map<String, String> records(Path knowledge) throws IOException {
        Corpus corpus = CorpusReader.read(knowledge).orThrow();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("topics.yaml", CorpusJson.topics(corpus.topics()) + "\n");
        out.put("glossary.yaml", CorpusJson.glossary(corpus.glossary()) + "\n");
        out.put("timeline.yaml", CorpusJson.timeline(corpus.timeline()) + "\n");
        Set<String> topicIds = Set.copyOf(corpus.topics().stream().map(t -> t.id()).toList());
        Map<String, Passage> live = corpus.passagesById();
        List<Path> files;
        try (Stream<Path> s = Files.list(knowledge.resolve("sources"))) {
            files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
        }
        for (Path file : files) {
            String name = "sources/" + file.getFileName();
            Corpus one = CorpusReader.readSource(name, Files.readString(file), topicIds, Set.of(), Set.of(), live).corpus();
            StringBuilder sb = new StringBuilder();
            one.sources().forEach(x -> sb.append(CorpusJson.source(x)).append('\n'));
            one.passages().forEach(x -> sb.append(CorpusJson.passage(x)).append('\n'));
            // Read back, the record gives the same bytes again: a stored record never drifts on its next write.
            one.passages().forEach(x -> assertThat(CorpusJson.passage(CorpusJson.passage(CorpusJson.passage(x)))).isEqualTo(CorpusJson.passage(x)));
            one.sources().forEach(x -> assertThat(CorpusJson.source(CorpusJson.source(CorpusJson.source(x)))).isEqualTo(CorpusJson.source(x)));
            out.put(name, sb.toString());
        }
        return out;
    }

    private static String fileDigest(Path file) {
        try {
            return Sha256.hex(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
