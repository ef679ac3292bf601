package qantar.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.cli.Main;
import qantar.testing.Fixture;

/** {@code ask --json} with QANTAR_LLM_* set (as system properties) and a model that invents. */
class AskWithModelTest {
    static final List<String> SETTINGS = List.of("QANTAR_DATA_DIR", "QANTAR_KNOWLEDGE_DIR", "QANTAR_CONFIG_DIR",
            "QANTAR_LLM_PROVIDER", "QANTAR_LLM_BASE_URL", "QANTAR_LLM_MODEL", "QANTAR_LLM_TIMEOUT_SECONDS");
    static final String INVENTING = """
            {"sides": {
              "official": ["Генпрокуратура сообщила о 1 500 погибших [p:o11-toll-225].", "Погибли 225 человек [p:o77-made-up]."],
              "hrw": ["HRW насчитала 4000 погибших [p:h2-ten-killed]."],
              "independent": ["Волонтёры насчитали 263 погибших [p:x1], 19 января [p:i18-toll-263]."]
            }}""";

    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    FakeChatServer server;

    @BeforeEach
    void settings() throws Exception {
        server = new FakeChatServer().replying(INVENTING);
        System.setProperty("QANTAR_DATA_DIR", tmp.resolve("data").toString());
        System.setProperty("QANTAR_KNOWLEDGE_DIR", Fixture.knowledge().toString());
        System.setProperty("QANTAR_CONFIG_DIR", Fixture.config().toString());
        System.setProperty("QANTAR_LLM_PROVIDER", "openai");
        System.setProperty("QANTAR_LLM_MODEL", "fake");
        System.setProperty("QANTAR_LLM_TIMEOUT_SECONDS", "3");
    }

    @AfterEach
    void clear() {
        SETTINGS.forEach(System::clearProperty);
        server.close();
    }

    private JsonNode ask(String question) throws Exception {
        assertThat(Main.run(new String[] {"ask", "--json", question}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void aModelThatInventsFiguresAndCitationsShowsNoneOfThem() throws Exception {
        System.setProperty("QANTAR_LLM_BASE_URL", server.baseUrl());
        JsonNode a = ask("Сколько человек погибло во время январских событий 2022 года?");
        // One request translates the question (the reply is no translation and is ignored), one writes the answer.
        assertThat(server.requests).hasSize(2).anyMatch(r -> r.contains("passages")).anyMatch(r -> r.contains("into"));
        Set<String> sides = new HashSet<>();
        for (JsonNode s : a.get("statements")) {
            sides.add(s.get("side").asText());
            assertThat(s.get("text").asText()).doesNotContain("1 500", "1500", "4000", "o77", "19 января");
            assertThat(s.get("summary")).isNull();
        }
        assertThat(sides).hasSizeGreaterThanOrEqualTo(2).contains("official", "hrw", "independent");
    }

    @Test
    void aModelServerThatIsDownGivesTheExtractiveAnswer() throws Exception {
        System.setProperty("QANTAR_LLM_BASE_URL", FakeChatServer.deadUrl());
        JsonNode a = ask("Сколько человек погибло во время январских событий 2022 года?");
        assertThat(a.get("statements")).extracting(s -> s.get("passage_id").asText())
                .contains("o11-toll-225", "h2-ten-killed", "i18-toll-263");
    }
}
