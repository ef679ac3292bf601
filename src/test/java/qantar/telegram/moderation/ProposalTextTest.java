package qantar.telegram.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalTextTest {
    @Test
    void fieldLinesAreReadOnlyAtTheTopAndTheRestIsText() {
        ProposalText t = ProposalText.parse("o29 official en\r\nSpeaker: Interior Ministry\ntopics: [detentions, timeline]\n"
                + "quote: no\nFirst line of text.\nreason: this stays text\n\n\n\nLast line.");
        assertThat(t.headWords()).containsExactly("o29", "official", "en");
        assertThat(t.fields()).containsEntry("speaker", "Interior Ministry").doesNotContainKey("reason");
        assertThat(t.topics()).isEqualTo(List.of("detentions", "timeline"));
        assertThat(t.quote()).isFalse();
        assertThat(t.text()).isEqualTo("First line of text.\nreason: this stays text\n\nLast line.");
    }

    @Test
    void asksLinesGiveTheQuestionsPerLanguageAndSameAsTheCluster() {
        ProposalText t = ProposalText.parse("o29 official en\nasks: How many were detained? | Who detained them?\n"
                + "asks.ru: Сколько задержали?|Кто задерживал?\nsame_as: o31-7939-detained-10-jan\nThe text.");
        assertThat(t.asks(qantar.corpus.Lang.EN)).containsEntry(qantar.corpus.Lang.EN, List.of("How many were detained?", "Who detained them?"))
                .containsEntry(qantar.corpus.Lang.RU, List.of("Сколько задержали?", "Кто задерживал?"));
        assertThat(t.fields()).containsEntry("same_as", "o31-7939-detained-10-jan");
        assertThat(t.text()).isEqualTo("The text.");
        assertThat(ProposalText.parse("o29 official en\nThe text.").asks(qantar.corpus.Lang.EN)).isNull();
    }

    @Test
    void aHeadAloneHasNoText() {
        ProposalText t = ProposalText.parse("  o29 official en  ");
        assertThat(t.headWords()).hasSize(3);
        assertThat(t.text()).isEmpty();
        assertThat(ProposalText.parse(null).headWords()).isEmpty();
        assertThat(ProposalText.parse("x\nquote: maybe\ntext").quote()).isNull();
    }

    @Test
    void aFieldLineInALanguageWeDoNotHaveIsNamedAndAnOrdinaryColonStaysText() {
        assertThat(ProposalText.parse("x\nasks.de: Wie viele?\ntext").badField()).isEqualTo("asks.de");
        ProposalText t = ProposalText.parse("x\nNote: the ministry said so.\nasks.de: stays text below the first text line");
        assertThat(t.badField()).isNull();
        assertThat(t.text()).startsWith("Note: the ministry said so.");
    }
}
