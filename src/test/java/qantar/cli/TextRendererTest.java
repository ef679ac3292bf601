package qantar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import qantar.answer.Answer;
import qantar.answer.SourceRef;
import qantar.answer.Statement;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.corpus.Side;

class TextRendererTest {
    @Test
    void aModelWrittenSummaryIsMarkedInTheTerminalAndAPassageIsNot() {
        Texts texts = Texts.load(Path.of("config").toAbsolutePath());
        Statement summary = new Statement(Side.OFFICIAL, "Prosecutor General", "The office put the toll at 225.", "t1-a", "s1",
                false, false, Lang.EN, null, true, List.of("t1-a", "t1-b"));
        Statement passage = new Statement(Side.HRW, "HRW", "HRW documented deaths.", "h1-a", "s2", false, false, Lang.EN, null);
        Answer a = new Answer("abcd2347", "How many died?", Lang.EN, true, List.of(summary, passage), List.of(),
                List.of(new SourceRef("s1", Side.OFFICIAL, "T1", "P1", "2022-01-15", "https://example.org/1", null),
                        new SourceRef("s2", Side.HRW, "T2", "P2", "2022-01-16", "https://example.org/2", null)),
                null, 3, "2025-11-25T10:00:00Z", 0.9);
        String out = new TextRenderer(texts).render(a);
        assertThat(out).contains("The office put the toll at 225. [1] (summary of [p:t1-a], [p:t1-b])");
        assertThat(out).contains("HRW documented deaths. [2]\n");
        assertThat(out).doesNotContain("≈");
        Answer nearest = new Answer(a.id(), a.question(), a.language(), true, List.of(summary, passage.asNearest()), List.of(),
                a.sources(), null, 3, a.createdAt(), 0.9);
        assertThat(new TextRenderer(texts).render(nearest)).contains("HRW documented deaths. [2]\n    ≈ the nearest this side has; it may not answer the question\n");
    }
}
