package qantar.moderation;

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
    void aHeadAloneHasNoText() {
        ProposalText t = ProposalText.parse("  o29 official en  ");
        assertThat(t.headWords()).hasSize(3);
        assertThat(t.text()).isEmpty();
        assertThat(ProposalText.parse(null).headWords()).isEmpty();
        assertThat(ProposalText.parse("x\nquote: maybe\ntext").quote()).isNull();
    }
}
