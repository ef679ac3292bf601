package qantar.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.search.Retriever.Hit;

class ExtractiveComposerTest {
    private static Passage passage(String id, String source) {
        return new Passage(id, source, Side.OFFICIAL, "GPO", List.of("death_toll"), Map.of(Lang.EN, "text " + id), Lang.EN, false, null, null);
    }

    private static Source source(String id) {
        return new Source(id, "Title " + id, "Publisher", "2022-01-15", "https://example.org/" + id, "en", null, null);
    }

    @Test
    void aSummaryCitingSeveralPassagesListsEverySource() {
        Passage a = passage("a-1", "a");
        Passage b = passage("b-1", "b");
        Statement summary = new Statement(Side.OFFICIAL, "GPO", "Summary [p:a-1] [p:b-1]", "a-1", "a", false, false, Lang.EN,
                null, true, List.of("a-1", "b-1"));
        List<SourceRef> refs = ExtractiveComposer.sources(List.of(summary), List.of(new Hit(a, 1, 1), new Hit(b, 1, 1)),
                Map.of("a", source("a"), "b", source("b"), "c", source("c")));
        assertThat(refs).extracting(SourceRef::id).containsExactly("a", "b");
    }

    @Test
    void statementsOfTheSameSourceListItOnce() {
        Passage a = passage("a-1", "a");
        Passage a2 = passage("a-2", "a");
        List<Statement> statements = List.of(ExtractiveComposer.statement(a, Lang.EN), ExtractiveComposer.statement(a2, Lang.RU));
        assertThat(ExtractiveComposer.sources(statements, List.of(new Hit(a, 1, 1), new Hit(a2, 1, 1)), Map.of("a", source("a"))))
                .extracting(SourceRef::id).containsExactly("a");
        assertThat(statements.get(1).lang()).isEqualTo(Lang.EN); // no Russian text: the English one, marked by its language
    }
}
