package qantar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import qantar.app.DataDirLock;
import qantar.testing.Fixture;

/** The command line as a user runs it, on the fixture corpus (settings passed as system properties). */
class CommandLineTest {
    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void settings() {
        System.setProperty("QANTAR_DATA_DIR", tmp.resolve("data").toString());
        System.setProperty("QANTAR_KNOWLEDGE_DIR", Fixture.knowledge().toString());
        System.setProperty("QANTAR_CONFIG_DIR", Fixture.config().toString());
    }

    @AfterEach
    void clear() {
        List.of("QANTAR_DATA_DIR", "QANTAR_KNOWLEDGE_DIR", "QANTAR_CONFIG_DIR").forEach(System::clearProperty);
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Every command there is, found by walking the command tree, so one added later is checked too. */
    private static List<String> commands(CommandLine cl) {
        List<String> all = new ArrayList<>(List.of(cl.getCommandSpec().qualifiedName(" ")));
        cl.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    @Test
    void everyCommandHasHelpThatExitsZeroAndPrintsItsUsage() {
        List<String> all = commands(Main.commandLine(new String[0]));
        assertThat(all).contains("qantar-bot ask", "qantar-bot corpus validate", "qantar-bot bench").hasSizeGreaterThan(12);
        for (String cmd : all) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of(cmd.split(" ")).subList(1, cmd.split(" ").length));
            args.add("--help");
            assertThat(run(args.toArray(String[]::new))).as(cmd).isZero();
            assertThat(out.toString()).as(cmd).startsWith("Usage: " + cmd).contains("--help").contains("--version");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void versionIsThePomVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>qantar-bot</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        for (String[] cmd : new String[][] {{"--version"}, {"ask", "--version"}, {"corpus", "stats", "-V"}}) {
            out.getBuffer().setLength(0);
            assertThat(run(cmd)).isZero();
            assertThat(out.toString().strip()).isEqualTo("Qantar Sources " + m.group(1));
        }
    }

    @Test
    void aWrongSideOrLanguageIsAUsageErrorThatNamesTheAllowedValues() {
        assertThat(run("ask", "--side", "bogus", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown side 'bogus' (use official, mlechin_book, hrw, independent, other)")
                .contains("Usage: qantar-bot ask");
        err.getBuffer().setLength(0);
        assertThat(run("ask", "--lang", "fr", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown language 'fr' (use ru, en, kk)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void askJsonKeepsThePublicContract() throws Exception {
        assertThat(run("ask", "--json", "Сколько человек погибло во время январских событий 2022 года?")).isZero();
        JsonNode a = new ObjectMapper().readTree(out.toString());
        assertThat(a.get("answer_id").asText()).matches("[a-z0-9]{8}");
        assertThat(a.get("question").asText()).startsWith("Сколько человек");
        assertThat(a.get("language").asText()).isEqualTo("ru");
        assertThat(a.get("in_scope").asBoolean()).isTrue();
        Set<String> sides = new java.util.HashSet<>();
        for (JsonNode s : a.get("statements")) {
            for (String field : List.of("side", "speaker", "text", "passage_id", "source_id")) {
                assertThat(s.get(field).isTextual()).as(field).isTrue();
            }
            assertThat(s.get("quote").isBoolean()).isTrue();
            assertThat(s.get("translated").isBoolean()).isTrue();
            sides.add(s.get("side").asText());
        }
        assertThat(sides).contains("official", "hrw", "independent");
        assertThat(a.get("sides_missing")).extracting(JsonNode::asText).containsExactly("mlechin_book");
        for (JsonNode s : a.get("sources")) {
            for (String field : List.of("id", "side", "title", "publisher", "date", "url")) {
                assertThat(s.get(field).isTextual()).as(field).isTrue();
            }
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void askFiltersBySideAndLanguage() throws Exception {
        assertThat(run("ask", "--json", "--lang", "EN", "--side", "Hrw", "Сколько человек погибло?")).isZero(); // ids in any case
        JsonNode a = new ObjectMapper().readTree(out.toString());
        assertThat(a.get("language").asText()).isEqualTo("en");
        assertThat(a.get("statements")).isNotEmpty().allSatisfy(s -> assertThat(s.get("side").asText()).isEqualTo("hrw"));
    }

    @Test
    void anOutOfScopeQuestionHasNoStatements() throws Exception {
        assertThat(run("ask", "--json", "What's the weather in Paris tomorrow?")).isZero();
        JsonNode a = new ObjectMapper().readTree(out.toString());
        assertThat(a.get("in_scope").asBoolean()).isFalse();
        assertThat(a.get("statements")).isEmpty();
    }

    @Test
    void textOutputHasAHeaderPerSideNumberedCitationsAndSources() {
        assertThat(run("ask", "How many people died?")).isZero();
        assertThat(out.toString()).contains("OFFICIAL POSITION").contains("HUMAN RIGHTS WATCH").contains("[1]")
                .contains("Sources").contains("https://").contains("Nothing on this question found in the corpus from: Mlechin's book");
    }

    @Test
    void validateNamesTheFileAndLineOfAnUnknownSideAndFailsAsBadData() {
        Path k = Fixture.copyKnowledge(tmp.resolve("knowledge"));
        Fixture.edit(k.resolve("sources/h2.yaml"), "    side: hrw", "    side: bogus_side");
        assertThat(run("corpus", "validate", k.toString())).isEqualTo(65);
        assertThat(err.toString()).contains("knowledge/sources/h2.yaml:10: unknown side 'bogus_side'").contains("1 error(s)");
        out.getBuffer().setLength(0);
        assertThat(run("corpus", "validate", Fixture.knowledge().toString())).isZero();
        assertThat(out.toString()).contains("ok: 9 sources, 10 passages");
    }

    @Test
    void badDataIsOneClearLineAndExits65NeverAStackTrace() throws Exception {
        assertThat(run("corpus", "validate", tmp.resolve("nope").toString())).isEqualTo(65);
        assertThat(err.toString()).contains("no such directory").doesNotContain("Exception").doesNotContain("\tat ");

        err.getBuffer().setLength(0);
        assertThat(run("corpus", "import", tmp.resolve("nope").toString())).isEqualTo(65);
        assertThat(err.toString()).contains("no such directory").contains("nothing was imported").doesNotContain("\tat ");

        err.getBuffer().setLength(0);
        Path set = Files.writeString(tmp.resolve("set.yaml"), "- question: x\n  colour: blue\n");
        assertThat(run("eval", set.toString())).isEqualTo(65);
        assertThat(err.toString().strip()).startsWith("error: ").contains("unknown field 'colour'").doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);

        err.getBuffer().setLength(0);
        Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(tmp.resolve("bad/qantar.db"), "not a database ".repeat(100));
        System.setProperty("QANTAR_DATA_DIR", tmp.resolve("bad").toString());
        assertThat(run("ask", "How many people died?")).isEqualTo(65);
        assertThat(err.toString().strip()).startsWith("error: ").doesNotContain("\tat ").contains("qantar.db");
        assertThat(err.toString().strip().lines()).hasSize(1);

        err.getBuffer().setLength(0);
        assertThat(run("ask", "--verbose", "How many people died?")).isEqualTo(65);
        assertThat(err.toString()).startsWith("error: ").contains("qantar.store.StoreException").contains("\tat qantar.");
    }

    @Test
    void whatIsNotThereNowExits69() {
        System.setProperty("QANTAR_VECTORS", "off");
        try {
            assertThat(run("corpus", "vectors", Fixture.copyKnowledge(tmp.resolve("knowledge")).toString())).isEqualTo(69);
            assertThat(err.toString().strip()).isEqualTo("error: QANTAR_VECTORS is off: there is no model to embed with");
        } finally {
            System.clearProperty("QANTAR_VECTORS");
        }

        err.getBuffer().setLength(0);
        System.setProperty("TELEGRAM_BOT_TOKEN", "123:secret");
        try (DataDirLock held = DataDirLock.acquire(tmp.resolve("data"))) {
            assertThat(run("serve")).isEqualTo(69);
            assertThat(err.toString().strip()).startsWith("error: another process").contains("is already serving from")
                    .doesNotContain("\n");
        } finally {
            System.clearProperty("TELEGRAM_BOT_TOKEN");
        }
    }

    @Test
    void aBadRetrievalSettingIsAUsageError() throws Exception {
        Path set = Files.writeString(tmp.resolve("set.yaml"), "- question: How many people died?\n  lang: en\n");
        assertThat(run("eval", "--set", "noSuchSetting=1", set.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--set noSuchSetting=1: unknown retrieval setting 'noSuchSetting'");
        err.getBuffer().setLength(0);
        assertThat(run("eval", "--set", "askField=many", set.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--set askField=many: ");
    }

    @Test
    void evalScoresSeveralSetsAsOne() throws Exception {
        Path one = Files.writeString(tmp.resolve("one.yaml"), "- question: How many people died?\n  lang: en\n");
        Path two = Files.writeString(tmp.resolve("two.yaml"), "- question: What is the weather tomorrow?\n  lang: en\n  kind: out_of_scope\n"
                + "- question: Who ordered to shoot without warning?\n  lang: en\n");
        assertThat(run("eval", "--json", one.toString(), two.toString())).isZero();
        JsonNode o = new ObjectMapper().readTree(out.toString());
        assertThat(o.get("questions").size()).isEqualTo(3);
        assertThat(o.get("questions").get(1).get("question").asText()).isEqualTo("What is the weather tomorrow?");
        assertThat(o.get("totals").get("questions").asInt()).isEqualTo(3);
    }

    /**
     * eval indexes the corpus in a folder of its own, which it deletes: its measures never depend on
     * what the data folder's index went through, and it leaves that folder alone.
     */
    @Test
    void evalLeavesTheDataFolderAlone() throws Exception {
        Path set = Files.writeString(tmp.resolve("set.yaml"), "- question: How many people died?\n  lang: en\n");
        assertThat(run("eval", "--json", set.toString())).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("questions").get(0).get("shown").asInt()).isPositive();
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void statsJsonCountsBySideAndLanguage() throws Exception {
        assertThat(run("corpus", "stats", "--json")).isZero();
        JsonNode s = new ObjectMapper().readTree(out.toString());
        assertThat(s.get("sources").asInt()).isEqualTo(9);
        assertThat(s.get("passages").asInt()).isEqualTo(10);
        assertThat(s.get("by_side").get("official").asInt()).isEqualTo(4);
        assertThat(s.get("by_side").get("mlechin_book").asInt()).isEqualTo(1);
        assertThat(s.get("by_language").get("en").asInt()).isEqualTo(10);
    }

    @Test
    void importReportsWhatChangedAndIsIdempotent() {
        assertThat(run("corpus", "import", Fixture.knowledge().toString())).isZero();
        assertThat(out.toString()).contains("passages: 10 new");
        out.getBuffer().setLength(0);
        assertThat(run("corpus", "import", Fixture.knowledge().toString())).isZero();
        assertThat(out.toString()).contains("0 new, 0 changed, 0 retired, 10 unchanged");
    }
}
