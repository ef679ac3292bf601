package qantar.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import qantar.corpus.Side;

class SummaryReplyTest {
    @Test
    void readsSidesFromJsonEvenInACodeFence() {
        var r = SummaryReply.parse("Here you are:\n```json\n{\"sides\": {\"official\": [\"A [p:x].\"], \"hrw\": \"B [p:y].\"}}\n```");
        assertThat(r).isPresent();
        assertThat(r.get()).containsEntry(Side.OFFICIAL, List.of("A [p:x]."));
        assertThat(r.get()).containsEntry(Side.HRW, List.of("B [p:y]."));
    }

    @Test
    void unknownSidesAndNonTextItemsAreIgnored() {
        var r = SummaryReply.parse("{\"sides\": {\"verdict\": [\"HRW lies\"], \"official\": [1, {\"a\": 2}, \"C [p:z].\"]}}");
        assertThat(r.get()).containsOnlyKeys(Side.OFFICIAL);
        assertThat(r.get().get(Side.OFFICIAL)).containsExactly("C [p:z].");
    }

    @Test
    void aReplyWithNothingUsableIsNoReply() {
        for (String reply : new String[] {"", "   ", "I cannot help with that.", "{\"sides\": {}}", "{\"sides\": [\"a\"]}",
                "{\"sides\": {\"official\": [\"unterminated", "{\"verdict\": \"HRW lies\"}", "x".repeat(SummaryReply.MAX_CHARS + 1)}) {
            assertThat(SummaryReply.parse(reply)).as(reply.length() > 50 ? "long" : reply).isEmpty();
        }
        assertThat(SummaryReply.parse(null)).isEmpty();
    }
}
