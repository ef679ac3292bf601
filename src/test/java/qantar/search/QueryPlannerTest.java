package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import qantar.corpus.GlossaryGroup;
import qantar.corpus.Lang;

class QueryPlannerTest {
    static final GlossaryGroup PROTESTERS = new GlossaryGroup(false, false, List.of("протестующие", "protesters"));
    static final GlossaryGroup PROTESTS = new GlossaryGroup(false, false, List.of("протесты", "protests"));
    static final GlossaryGroup CONFESSION = new GlossaryGroup(false, false, List.of("признание", "confession", "мойындау"));
    final QueryPlanner planner = new QueryPlanner(List.of(PROTESTERS, PROTESTS, CONFESSION));

    private List<String> labels(String question, Lang lang) {
        return planner.plan(question, lang).stream().map(c -> c.label() + (c.fromGlossary() ? " = " + c.forms().get(1) : "")).toList();
    }

    @Test
    void aWordSpeltAsAOneWordTermGoesToThatTermsGroupThoughAnotherSharesItsStem() {
        // The Russian stemmer gives «протест» for both «протесты» and «протестующие».
        assertThat(labels("Почему начались протесты?", Lang.RU)).contains("протесты = protests");
        assertThat(labels("Кто такие протестующие?", Lang.RU)).contains("протестующие = protesters");
    }

    @Test
    void fillerWordsOfTheQuestionsLanguageAreNoConcept() {
        // «Мойындаңыз» (admit) is a Kazakh filler word; as Russian letters it would match «мойындау» by prefix.
        assertThat(labels("Мойындаңыз, ОДКБ елді басып алды", Lang.KK)).noneMatch(l -> l.contains("confession"))
                .doesNotContain("Мойындаңыз");
        // «қалай» (how) is a stop word though the Kazakh field folds its й to и.
        assertThat(labels("Бешбармақты қалай дайындайды?", Lang.KK)).containsExactly("Бешбармақты", "дайындайды");
        assertThat(labels("how many ppl got arrested after the riots", Lang.EN)).containsExactly("arrested", "riots");
    }
}
