package qantar.telegram.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.moderation.PassageDraft;
import qantar.store.CorpusStore;
import qantar.testing.Fixture;

/** /propose and /edit read into typed drafts over the fixture corpus: what each line means, and a clear error for each malformed one. */
class ChatDraftsTest {
    static Corpus corpus;

    @BeforeAll
    static void read() {
        corpus = CorpusReader.read(Fixture.knowledge()).orThrow();
    }

    private static ChatDrafts.Parsed<ChatDrafts.NewPassage> propose(String args) {
        return ChatDrafts.propose(args, id -> Optional.ofNullable(corpus.sourcesById().get(id)));
    }

    private static ChatDrafts.Parsed<ChatDrafts.Edit> edit(String args) {
        return ChatDrafts.edit(args, id -> Optional.ofNullable(corpus.passagesById().get(id)).map(p -> new CorpusStore.Stored(p, "live", "d1")));
    }

    @Test
    void aProposalGivesADraftWithTheTextInItsLanguageAndLeavesWhatIsNotGivenToTheDefaults() {
        ChatDrafts.Parsed<ChatDrafts.NewPassage> p = propose("O29 Official en\nasks: How many? | Who said so?\nreason: a new figure\n"
                + "The ministry counted 347 burned police cars.");
        assertThat(p.ok()).isTrue();
        PassageDraft d = p.value().draft();
        assertThat(d.sourceId()).isEqualTo("o29");
        assertThat(d.side()).isEqualTo(Side.OFFICIAL);
        assertThat(d.original()).as("o29 is in English: an English text is its original").isEqualTo(Lang.EN);
        assertThat(d.texts()).isEqualTo(Map.of(Lang.EN, "The ministry counted 347 burned police cars."));
        assertThat(d.asks()).isEqualTo(Map.of(Lang.EN, List.of("How many?", "Who said so?")));
        assertThat(d.speakers()).isNull();
        assertThat(d.topics()).isNull();
        assertThat(p.value().reason()).isEqualTo("a new figure");

        PassageDraft ru = propose("o29 official ru\nspeaker.ru: МВД\nquote: да\nМВД сообщило о 347 машинах.").value().draft();
        assertThat(ru.original()).as("a Russian text of an English source is a translation").isNull();
        assertThat(ru.speakers()).containsEntry(Lang.RU, "МВД").containsEntry(Lang.EN, "Armradio");
        assertThat(ru.quote()).isTrue();
    }

    @Test
    void eachMalformedProposalNamesWhatIsWrong() {
        assertThat(propose("o29 official").error()).isEqualTo("mod.propose_usage");
        assertThat(propose("o29 government en\ntext").error()).isEqualTo("mod.bad_side");
        assertThat(propose("o29 government en\ntext").args()).contains("government");
        assertThat(propose("o29 official de\ntext").error()).isEqualTo("mod.bad_lang");
        assertThat(propose("o29 official en").error()).isEqualTo("mod.no_text");
        assertThat(propose("o29 official en\nquote: maybe\ntext").error()).isEqualTo("mod.bad_quote");
        ChatDrafts.Parsed<ChatDrafts.NewPassage> de = propose("o29 official en\nasks.de: Wie viele?\ntext");
        assertThat(de.error()).as("a field line in no language we have is an error, not the start of the text").isEqualTo("mod.bad_field");
        assertThat(de.args()).containsExactly("field", "asks.de", "name", "asks");
        assertThat(propose("o29 official en\nSpeaker_FR: x\ntext").args()).containsExactly("field", "Speaker_FR", "name", "speaker");
    }

    @Test
    void anEditChangesOnlyWhatItsLinesNameAndKeepsTheRest() {
        ChatDrafts.Parsed<ChatDrafts.Edit> e = edit("o29-detained-4404\nspeaker: MVD\nsame_as: -\nThe new English text.");
        assertThat(e.ok()).isTrue();
        assertThat(e.value().passageId()).isEqualTo("o29-detained-4404");
        assertThat(e.value().baseDigest()).isEqualTo("d1");
        assertThat(e.value().reason()).isNull();
        PassageDraft d = e.value().draft();
        var old = corpus.passagesById().get("o29-detained-4404");
        assertThat(d.texts()).containsEntry(Lang.EN, "The new English text.").containsEntry(Lang.RU, old.texts().get(Lang.RU));
        assertThat(d.speakers()).containsOnly(Map.entry(Lang.RU, "MVD"), Map.entry(Lang.KK, "MVD"), Map.entry(Lang.EN, "MVD"));
        assertThat(d.topics()).isEqualTo(old.topics());
        assertThat(d.asks()).isEqualTo(old.asks());
        assertThat(d.sameAs()).isNull();

        PassageDraft ru = edit("o29-detained-4404 ru\nasks: Сколько задержали?\nНовый текст.").value().draft();
        assertThat(ru.texts()).containsEntry(Lang.RU, "Новый текст.").containsEntry(Lang.EN, old.texts().get(Lang.EN));
        assertThat(ru.asks()).containsEntry(Lang.RU, List.of("Сколько задержали?")).containsEntry(Lang.EN, old.asks().get(Lang.EN));
        assertThat(ru.speakers()).containsEntry(Lang.RU, old.speaker(Lang.RU));
    }

    @Test
    void eachMalformedEditNamesWhatIsWrong() {
        assertThat(edit("").error()).isEqualTo("mod.edit_usage");
        assertThat(edit("a b c\ntext").error()).isEqualTo("mod.edit_usage");
        assertThat(edit("nosuch\ntext").error()).isEqualTo("mod.no_passage");
        assertThat(edit("o29-detained-4404 de\ntext").error()).isEqualTo("mod.bad_lang");
        assertThat(edit("o29-detained-4404\nquote: perhaps").error()).isEqualTo("mod.bad_quote");
        assertThat(edit("o29-detained-4404\nasks.xx: ?").error()).isEqualTo("mod.bad_field");
    }
}
