package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import qantar.corpus.CorpusReader;
import qantar.corpus.GlossaryGroup;
import qantar.corpus.Passage;
import qantar.corpus.Source;
import qantar.testing.Fixture;

/** A stored record that lacks a field, or holds one nobody writes, is corrupt: it is never read as "". */
class CorpusJsonStrictTest {
    private final Passage passage = CorpusReader.read(Fixture.knowledge()).orThrow().passages().get(0);
    private final Source source = CorpusReader.read(Fixture.knowledge()).orThrow().sources().get(0);

    @Test
    void aMissingRequiredFieldIsAnErrorNamingIt() {
        String json = CorpusJson.passage(passage).replaceFirst("\"speaker\":\"[^\"]*\",", "");
        assertThatThrownBy(() -> CorpusJson.passage(json)).isInstanceOf(StoreException.class)
                .hasMessageContaining("corrupt JSON in the database").hasMessageContaining("'speaker'");
        String noTitle = CorpusJson.source(source).replaceFirst("\"title\":\"[^\"]*\",", "");
        assertThatThrownBy(() -> CorpusJson.source(noTitle)).isInstanceOf(StoreException.class).hasMessageContaining("'title'");
    }

    @Test
    void anUnknownFieldIsAnErrorNamingIt() {
        String json = CorpusJson.passage(passage).replaceFirst("^\\{", "{\"colour\":\"blue\",");
        assertThatThrownBy(() -> CorpusJson.passage(json)).isInstanceOf(StoreException.class).hasMessageContaining("\"colour\"");
    }

    @Test
    void anOptionalFieldMayBeAbsentAndReadsAsAbsent() {
        String json = CorpusJson.passage(passage);
        assertThat(json).doesNotContain("\"same_as\"");
        assertThat(CorpusJson.passage(json)).isEqualTo(passage);
    }

    @Test
    void aGlossaryGroupIsStoredAsAPlaceOnlyWhenItIsOne() {
        List<GlossaryGroup> groups = List.of(new GlossaryGroup(false, true, List.of("январь", "January")),
                new GlossaryGroup(false, false, true, List.of("Тараз", "Taraz")));
        String json = CorpusJson.glossary(groups);
        assertThat(json).isEqualTo("[{\"anchor\":false,\"context\":true,\"terms\":[\"январь\",\"January\"]},"
                + "{\"anchor\":false,\"context\":true,\"place\":true,\"terms\":[\"Тараз\",\"Taraz\"]}]");
        assertThat(CorpusJson.glossary(json)).isEqualTo(groups);
        assertThat(groups.get(1).context()).as("a place is context beside a subject").isTrue();
    }
}
