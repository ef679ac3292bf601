package qantar.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.testing.Fixture;

class CorpusReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheFixtureCorpusWithoutErrors() {
        CorpusReader.Result r = CorpusReader.read(Fixture.knowledge());
        assertThat(r.errors()).isEmpty();
        Corpus c = r.corpus();
        assertThat(c.sources()).hasSize(9);
        assertThat(c.passagesById().get("o29-detained-4404").original()).isEqualTo(Lang.EN);
        assertThat(c.passagesById().get("h3-quote-shocks").quote()).isTrue();
        assertThat(c.sourcesById().get("i18").date()).isEqualTo("≈2023");
        assertThat(c.sourcesById().get("m7").date()).isEqualTo("n/d");
        assertThat(c.timeline()).hasSize(1);
        // an English-only passage is valid, with a warning about the missing Russian text
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.toString()).contains("c1.yaml").contains("no ru text"));
    }

    @Test
    void aPassageWithoutTheQuestionsItAnswersIsAnError() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/o29.yaml"), "    asks:\n", "    unasked:\n");
        assertThat(CorpusReader.read(k).errors()).anySatisfy(p -> assertThat(p.message()).contains("unknown field"));
        Fixture.edit(k.resolve("sources/o29.yaml"), "    unasked:\n", "    asks:\n");
        Fixture.edit(k.resolve("sources/o29.yaml"), ", \"What did the Interior Ministry say about detentions?\"", "");
        assertThat(CorpusReader.read(k).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("asks in en: 1 questions; 2 to 6 are needed"));
    }

    @Test
    void aSpeakerNeedsItsThreeLanguagesAndHrwUnderAnotherSideIsFlagged() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/i59.yaml"), "speaker: {en: \"Kloop\", ru: \"Kloop\", kk: \"Kloop\"}", "speaker: Kloop");
        assertThat(CorpusReader.read(k).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("speaker needs its ru, kk and en forms"));
        Fixture.edit(k.resolve("sources/i59.yaml"), "speaker: Kloop", "speaker: {en: \"Human Rights Watch\", ru: \"HRW\"}");
        CorpusReader.Result r = CorpusReader.read(k);
        assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("speaker has no kk form"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("names Human Rights Watch under side independent"));
        Fixture.edit(k.resolve("sources/i59.yaml"), "ru: \"HRW\"}", "ru: \"HRW\", kk: \"HRW\"}");
        assertThat(CorpusReader.read(k).corpus().passagesById().get("i59-gas-protests").speaker(Lang.KK)).isEqualTo("HRW");
    }

    @Test
    void aSourceFileEndingInYmlIsAnErrorNotSilentlyLeftOut() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Files.move(k.resolve("sources/o29.yaml"), k.resolve("sources/o29.yml"));
        assertThat(CorpusReader.read(k).errors()).anySatisfy(p -> assertThat(p.toString()).contains("o29.yml")
                .contains("source files end in .yaml"));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNamingFileAndLine() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Path f = k.resolve("sources/o29.yaml");
        java.util.List<String> lines = Files.readAllLines(f);
        byte[] head = (String.join("\n", lines.subList(0, 3)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] rest = ("\n" + String.join("\n", lines.subList(3, lines.size()))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(head);
        out.write(new byte[] {'x', (byte) 0xC3, (byte) 0x28}); // a broken two-byte sequence on line 4
        out.write(rest);
        Files.write(f, out.toByteArray());
        assertThat(CorpusReader.read(k).errors()).anySatisfy(p -> assertThat(p.toString()).contains("sources/o29.yaml:4")
                .contains("not UTF-8"));
    }

    @Test
    void aHugeValueIsRefusedAtItsLineAtOnce() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Path f = k.resolve("sources/o29.yaml");
        Files.writeString(f, withHugeTitle(Files.readString(f), 10_000_000));
        var errors = CorpusReader.read(k).errors();
        assertThat(errors).anySatisfy(p -> assertThat(p.toString()).contains("sources/o29.yaml:2").contains("characters"));
        assertThat(errors).noneMatch(p -> p.toString().contains("sources/o29.yaml:0"));
    }

    /** The file with its title replaced by a quoted run of {@code length} x's (spliced: a regex replacement would parse every x). */
    private static String withHugeTitle(String file, int length) {
        Matcher title = Pattern.compile("(?m)^title: .*$").matcher(file);
        assertThat(title.find()).isTrue();
        return file.substring(0, title.start()) + "title: \"" + "x".repeat(length) + "\"" + file.substring(title.end());
    }

    @Test
    void anUploadedFileKeepsTheLimitsOfAFileInTheFolder() throws Exception {
        String file = Files.readString(Fixture.knowledge().resolve("sources/o29.yaml"));
        Set<String> topics = CorpusReader.read(Fixture.knowledge()).corpus().topics().stream().map(Topic::id).collect(Collectors.toSet());
        assertThat(CorpusReader.readSource("o29.yaml", file, topics, Set.of(), Set.of()).errors()).isEmpty();
        String huge = withHugeTitle(file, 1_000_000);
        assertThat(CorpusReader.readSource("o29.yaml", huge, topics, Set.of(), Set.of()).errors()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("o29.yaml:2: a line of 1000009 characters"));
    }

    @Test
    void aFactClusterNamesAnExistingPassageOfTheSameSide() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/o29.yaml"), "    side: official\n", "    side: official\n    same_as: o11-toll-225\n");
        CorpusReader.Result ok = CorpusReader.read(k);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.corpus().passagesById().get("o29-detained-4404").clusterId()).isEqualTo("o11-toll-225");

        Fixture.edit(k.resolve("sources/o29.yaml"), "same_as: o11-toll-225", "same_as: h3-torture");
        assertThat(CorpusReader.read(k).errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("k/sources/o29.yaml");
            assertThat(p.message()).contains("of side hrw; a cluster keeps to one side");
        });
        Fixture.edit(k.resolve("sources/o29.yaml"), "same_as: h3-torture", "same_as: o99-nothing");
        assertThat(CorpusReader.read(k).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown passage 'o99-nothing'"));
    }

    @Test
    void unknownSideIsReportedWithFileAndLine() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/h2.yaml"), "    side: hrw", "    side: bogus_side");
        CorpusReader.Result r = CorpusReader.read(k);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("k/sources/h2.yaml");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("unknown side 'bogus_side'");
        });
        assertThat(r.corpus().sourcesById()).doesNotContainKey("h2");
    }

    @Test
    void everyKindOfProblemIsReportedAtOnce() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/o29.yaml"), "  - id: o29-detained-4404", "  - id: o11-toll-225");
        Fixture.edit(k.resolve("sources/h3.yaml"), "url: https://www.hrw.org/news/2022/02/01/kazakhstan-protesters-arbitrarily-arrested-beaten\n", "");
        Fixture.edit(k.resolve("sources/i18.yaml"), "date: \"≈2023\"\n", "");
        Fixture.edit(k.resolve("sources/m7.yaml"), "      en: Mlechin writes", "      fr: Mlechin writes");
        Fixture.edit(k.resolve("sources/o43.yaml"), "      kk: Тоқаев ҰҚШҰ миссиясы аяқталды деп жариялады; шамамен 2000 әскерді шығару 2022 жылғы 13 қаңтарда басталды.", "      kk: \"\"");
        Fixture.edit(k.resolve("sources/h2.yaml"), "    original: en\n", "    original: en\n    quote: true\n");
        CorpusReader.Result r = CorpusReader.read(k);
        assertThat(r.errors()).extracting(Problem::toString).anySatisfy(s -> assertThat(s).startsWith("k/sources/o29.yaml:9: duplicate passage id 'o11-toll-225' (also in k/sources/o11.yaml:9)"))
                .anySatisfy(s -> assertThat(s).contains("h3.yaml:1: missing url"))
                .anySatisfy(s -> assertThat(s).contains("i18.yaml:1: missing date"))
                .anySatisfy(s -> assertThat(s).contains("m7.yaml").contains("unknown language 'fr'"))
                .anySatisfy(s -> assertThat(s).contains("o43.yaml").contains("empty text in kk"))
                .anySatisfy(s -> assertThat(s).contains("h2.yaml").contains("quote of 26 words; at most 25"));
    }

    @Test
    void malformedYamlNamesTheLine() throws Exception {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Files.writeString(k.resolve("sources/bad.yaml"), "id: bad\ntitle: [unclosed\npublisher: x\n");
        CorpusReader.Result r = CorpusReader.read(k);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("k/sources/bad.yaml");
            assertThat(p.line()).isGreaterThan(1);
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void unknownSourceLanguageBadDateAndUnknownFieldAreErrors() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("sources/o11.yaml"), "language: ru", "language: xx");
        Fixture.edit(k.resolve("sources/o29.yaml"), "date: \"2022-01-08\"", "date: \"8 Jan 2022\"");
        Fixture.edit(k.resolve("sources/i59.yaml"), "    topics:", "    sidee: independent\n    topics:");
        CorpusReader.Result r = CorpusReader.read(k);
        assertThat(r.errors()).extracting(Problem::toString)
                .anySatisfy(s -> assertThat(s).contains("o11.yaml:6: unknown language 'xx'"))
                .anySatisfy(s -> assertThat(s).contains("o29.yaml:4: bad date '8 Jan 2022'"))
                .anySatisfy(s -> assertThat(s).contains("i59.yaml").contains("unknown field 'sidee'"));
    }

    @Test
    void timelineMustPointAtExistingPassages() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("timeline.yaml"), "[o11-toll-225]", "[o11-toll-999]");
        assertThat(CorpusReader.read(k).errors()).extracting(Problem::toString)
                .containsExactly("k/timeline.yaml:3: unknown passage 'o11-toll-999'");
    }

    @Test
    void aGlossaryTermInTwoGroupsIsAnErrorAtTheSecond() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("glossary.yaml"), "[пытки, пыток, пытали, torture,", "[пытки, пыток, пытали, detained, torture,");
        assertThat(CorpusReader.read(k).errors()).extracting(Problem::toString)
                .containsExactly("k/glossary.yaml:6: the term 'detained' is already in the group of line 4");
    }

    @Test
    void aPlaceIsAContextGroupAndNoAnchor() {
        Path k = Fixture.copyKnowledge(tmp.resolve("k"));
        Fixture.edit(k.resolve("glossary.yaml"), "- context: true\n  terms: [Казахстан,", "- place: true\n  terms: [Казахстан,");
        assertThat(CorpusReader.read(k).orThrow().glossary()).filteredOn(GlossaryGroup::place).singleElement()
                .satisfies(g -> assertThat(g.context()).isTrue());
        Fixture.edit(k.resolve("glossary.yaml"), "- place: true\n", "- place: true\n  anchor: true\n");
        assertThat(CorpusReader.read(k).errors()).extracting(Problem::toString)
                .containsExactly("k/glossary.yaml:11: a glossary group is an anchor or context (or a place), not both");
    }

    @Test
    void wordsCountOnlyRunsWithLettersOrDigits() {
        assertThat(CorpusReader.words("«Кто не сдастся, будет уничтожен» — 20 000")).isEqualTo(7);
    }
}
