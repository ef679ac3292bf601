package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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
    void stemsMatchOnAPrefixOnlyWhenItLeavesAtMostOneLetterOfTheShorterOver() {
        // the stemmer's disagreements across forms of one word
        assertThat(QueryPlanner.sameStem("погибл", "погибш")).isTrue();
        assertThat(QueryPlanner.sameStem("задержа", "задержан")).isTrue();
        // a shared verbal prefix: to cook is not a sentence, "correctly" is not the government
        assertThat(QueryPlanner.sameStem("приготов", "приговор")).isFalse();
        assertThat(QueryPlanner.sameStem("правильн", "правительств")).isFalse();
        QueryPlanner government = new QueryPlanner(List.of(new GlossaryGroup(false, false, List.of("правительство", "government"))));
        assertThat(government.plan("Всех посадили правильно?", Lang.RU)).noneMatch(Concept::fromGlossary);
        assertThat(government.plan("Что сделало правительство?", Lang.RU)).anyMatch(Concept::fromGlossary);
    }

    @Test
    void kazakhWordsMeetShortTermsThroughTheirEndingsAndRussianWordsKazakhWritesAsTheyAre() {
        GlossaryGroup gas = new GlossaryGroup(false, false, List.of("газ", "gas"));
        GlossaryGroup court = new GlossaryGroup(false, false, List.of("суд", "court", "сот"));
        GlossaryGroup government = new GlossaryGroup(false, false, List.of("правительство", "government"));
        QueryPlanner p = new QueryPlanner(List.of(gas, court, government));
        assertThat(p.plan("Газдың бағасы неге өсті?", Lang.KK)).anyMatch(c -> c.forms().contains("gas"));
        assertThat(p.plan("Істі сотта қарады ма?", Lang.KK)).anyMatch(c -> c.forms().contains("court"));
        // read as Kazakh, «правительство» is cut to «прави»: a Russian question keeps its own, longer stems
        assertThat(p.plan("Всех посадили правильно?", Lang.RU)).noneMatch(Concept::fromGlossary);
    }

    @Test
    void englishStemsMatchOnlyExactlySincePorterAgreesAcrossForms() {
        QueryPlanner compensation = new QueryPlanner(List.of(new GlossaryGroup(false, false, List.of("компенсация", "compensation"))));
        assertThat(compensation.plan("What are the competing versions?", Lang.EN)).noneMatch(Concept::fromGlossary);
        assertThat(compensation.plan("Who got compensated?", Lang.EN)).anyMatch(Concept::fromGlossary);
        assertThat(compensation.plan("Кто получил компенсации?", Lang.RU)).anyMatch(Concept::fromGlossary);
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

    @Test
    void frameWordsSayWhatKindOfAnswerIsWantedAndAreNeverTheSubject() {
        Frame howMany = new Frame("how_many", java.util.Map.of(Lang.RU, List.of(List.of("сколько")), Lang.KK, List.of(List.of("канша")),
                Lang.EN, List.of(List.of("how", "many"))), true, null, List.of(), false, false, false);
        Frame overview = new Frame("overview", java.util.Map.of(Lang.EN, List.of(List.of("what", "happened"), List.of("briefly")),
                Lang.RU, List.of(List.of("что", "произошло"))), false, null, List.of(), true, true, false);
        GlossaryGroup events = new GlossaryGroup(true, false, List.of("январские события", "January events"));
        GlossaryGroup january = new GlossaryGroup(false, true, List.of("январь", "January"));
        QueryPlanner framed = new QueryPlanner(List.of(events, january, PROTESTERS, PROTESTS), new Frames(List.of(howMany, overview)));

        List<Concept> ru = framed.plan("Сколько протестующих задержали?", Lang.RU);
        assertThat(ru).filteredOn(c -> c.frame() == howMany).singleElement().satisfies(c -> assertThat(c.counts()).isFalse());
        assertThat(ru).filteredOn(Concept::counts).extracting(Concept::label).contains("протестующих").doesNotContain("Сколько");
        // Kazakh letters are folded, so «қанша» typed as «канша» is the same frame
        assertThat(framed.plan("Қанша адам ұсталды?", Lang.KK)).anyMatch(c -> c.frame() == howMany);
        assertThat(framed.plan("how many protesters were there", Lang.EN)).filteredOn(c -> c.frame() == howMany)
                .singleElement().satisfies(c -> assertThat(c.forms()).containsExactly("how", "many"));

        // beside a frame that stands alone and a term naming the events, lower-case words the glossary
        // lacks set the scene; names still count
        List<Concept> brief = framed.plan("what happened in January, briefly, give me the short version", Lang.EN);
        assertThat(brief).noneMatch(Concept::counts);
        // without such a term they are the subject: this is no question about the events
        assertThat(framed.plan("what happened to the square root of 144", Lang.EN)).filteredOn(Concept::counts)
                .extracting(Concept::label).contains("square", "root", "144");
        // a bare "what happened?" asks about the events themselves
        assertThat(framed.plan("what happened?", Lang.EN)).anyMatch(c -> c.anchor() && c.forms().equals(events.terms()));
        assertThat(framed.plan("what happened to Satybaldy", Lang.EN)).filteredOn(Concept::counts).extracting(Concept::label)
                .containsExactly("Satybaldy");
    }

    @Test
    void aPlaceOrATimeIsTheSubjectOfAQuestionWithNothingElseToBeAbout() {
        Frame overview = new Frame("overview", java.util.Map.of(Lang.EN, List.of(List.of("what", "happened")),
                Lang.KK, List.of(List.of("не", "болды")), Lang.RU, List.of(List.of("что", "произошло"))),
                false, null, List.of(), true, true, false);
        GlossaryGroup january = new GlossaryGroup(false, true, List.of("январь", "January"));
        GlossaryGroup kazakhstan = new GlossaryGroup(false, true, List.of("Казахстан", "Kazakhstan"));
        GlossaryGroup year = new GlossaryGroup(false, true, List.of("2022", "2022 год"));
        GlossaryGroup taraz = new GlossaryGroup(false, false, true, List.of("Тараз", "Taraz"));
        QueryPlanner planner = new QueryPlanner(List.of(january, kazakhstan, year, taraz, PROTESTS), new Frames(List.of(overview)));

        assertThat(planner.plan("What happened in Taraz in January?", Lang.EN)).filteredOn(Concept::counts)
                .singleElement().satisfies(c -> assertThat(c.forms()).isEqualTo(taraz.terms()));
        // with a Kazakh case ending too
        assertThat(planner.plan("Таразда не болды?", Lang.KK)).filteredOn(Concept::counts)
                .singleElement().satisfies(c -> assertThat(c.forms()).isEqualTo(taraz.terms()));
        // beside a subject it only sets the scene: «protests in Taraz» are protests, there
        assertThat(planner.plan("What happened at the protests in Taraz?", Lang.EN)).filteredOn(Concept::counts)
                .extracting(Concept::label).containsExactly("protests");
        // the country is no such place: what happened in Kazakhstan is the events as a whole
        assertThat(planner.plan("What happened in Kazakhstan in January?", Lang.EN)).noneMatch(Concept::counts);

        // nor is a day, as passages write it
        assertThat(planner.plan("What happened on January 7?", Lang.EN)).filteredOn(Concept::counts).singleElement()
                .satisfies(c -> assertThat(c.forms()).containsExactly("7 января", "7 January", "January 7", "7 қаңтар"));
        assertThat(planner.plan("7 қаңтарда не болды?", Lang.KK)).filteredOn(Concept::counts).extracting(Concept::label)
                .containsExactly("7 January");
        // a span of days is the course of events, not one day
        assertThat(planner.plan("What happened from 2 to 7 January?", Lang.EN)).noneMatch(Concept::counts);
        // a year the glossary does not name is when, not manner; the events' own year stays the scene
        assertThat(planner.plan("What happened in January 2023?", Lang.EN)).filteredOn(Concept::counts).extracting(Concept::label)
                .containsExactly("2023");
        assertThat(planner.plan("What happened in January 2022?", Lang.EN)).noneMatch(Concept::counts);
        // and a month: in the languages where its name is no other word ("march", "may"; қазан, a cauldron)
        assertThat(planner.plan("Что произошло в феврале?", Lang.RU)).filteredOn(Concept::counts).singleElement()
                .satisfies(c -> assertThat(c.forms()).containsExactly("февраля", "February", "ақпан"));
        assertThat(planner.plan("What happened in March?", Lang.EN)).filteredOn(Concept::counts).singleElement()
                .satisfies(c -> assertThat(c.forms()).containsExactly("марта", "наурыз"));
        assertThat(planner.plan("what happened at the march", Lang.EN)).filteredOn(Concept::counts).singleElement()
                .satisfies(c -> assertThat(c.forms()).containsExactly("march"));
        // a time beside another word the glossary lacks leaves that word the subject
        assertThat(planner.plan("what happened to the shops in February?", Lang.EN)).filteredOn(Concept::counts)
                .extracting(Concept::label).containsExactly("shops");
    }

    @Test
    void aLongerWordMisspeltByOneLetterOrTwoIsStillTheGlossaryTerm() {
        GlossaryGroup torture = new GlossaryGroup(false, false, List.of("пытки", "torture", "tortured"));
        GlossaryGroup court = new GlossaryGroup(false, false, List.of("суд", "court"));
        QueryPlanner p = new QueryPlanner(List.of(torture, court, PROTESTS));
        assertThat(p.plan("did anyone go to jail for torchuring people", Lang.EN)).filteredOn(Concept::fromGlossary)
                .singleElement().satisfies(c -> assertThat(c.label()).isEqualTo("torchuring"));
        assertThat(p.plan("кого осудили за пыткки", Lang.RU)).anyMatch(c -> c.fromGlossary() && c.forms().contains("torture"));
        // a short word one letter from a term is too often another word
        assertThat(p.plan("what was the final count", Lang.EN)).noneMatch(Concept::fromGlossary);
        // a word the corpus uses is a word, not a misspelling: «процентов» two edits from «протест»
        assertThat(p.plan("сколько будет 15 процентов", Lang.RU)).anyMatch(c -> c.forms().contains("protests"));
        QueryPlanner knowing = new QueryPlanner(List.of(torture, court, PROTESTS), Frames.NONE, java.util.Set.of("процентов"));
        assertThat(knowing.plan("сколько будет 15 процентов", Lang.RU)).noneMatch(Concept::fromGlossary);
    }

    @Test
    void besideASubjectTheGlossaryNamesAClaimsOtherWordsAreItsWordingNotItsSubject() {
        Frame claim = new Frame("claim", java.util.Map.of(Lang.EN, List.of(List.of("is", "it", "true"), List.of("weren't"))),
                false, null, List.of(), false, false, true);
        QueryPlanner framed = new QueryPlanner(List.of(PROTESTERS, PROTESTS), new Frames(List.of(claim)));

        List<Concept> paid = framed.plan("The protesters were paid $200 each, weren't they?", Lang.EN);
        assertThat(paid).filteredOn(Concept::counts).extracting(Concept::label).containsExactly("protesters");
        assertThat(paid).filteredOn(c -> Coverage.wording(c, Coverage.claim(paid))).extracting(Concept::label)
                .containsExactly("paid", "200", "each");
        // a name still counts; without a glossary subject the claim's words are all the subject there is
        assertThat(framed.plan("Is it true the protesters were paid by Ablyazov?", Lang.EN)).filteredOn(Concept::counts)
                .extracting(Concept::label).containsExactly("protesters", "Ablyazov");
        assertThat(framed.plan("Is it true the square root of 144 is 12?", Lang.EN)).filteredOn(Concept::counts)
                .extracting(Concept::label).contains("square", "root", "144");
        // without a claim frame nothing changes
        assertThat(planner.plan("The protesters were paid $200 each", Lang.EN)).filteredOn(Concept::counts)
                .extracting(Concept::label).contains("protesters", "paid", "200");
    }

    @Test
    void aPassageOnAClaimsSubjectCoversItBetterThanOneSharingOnlyItsWording() {
        Frame claim = new Frame("claim", java.util.Map.of(Lang.EN, List.of(List.of("weren't"))), false, null, List.of(), false, false, true);
        List<Concept> concepts = new QueryPlanner(List.of(PROTESTERS), new Frames(List.of(claim)))
                .plan("The protesters were paid, weren't they?", Lang.EN);
        int protesters = labelAt(concepts, "protesters");
        int paid = labelAt(concepts, "paid");
        // documents 0..9: 0 is on the protesters, 1 shares only "paid", 2 has both
        org.apache.lucene.util.FixedBitSet[] matches = noMatches(concepts, 10);
        matches[protesters].set(0);
        matches[protesters].set(2);
        matches[paid].set(1);
        matches[paid].set(2);
        Coverage c = Coverage.of(10, concepts, matches, Set.of(), RetrievalSettings.DEFAULT);
        assertThat(c.of(2)).isEqualTo(1.0);
        assertThat(c.of(0)).isGreaterThan(0.5).isGreaterThan(c.of(1));
        assertThat(c.of(1)).isGreaterThan(0);
    }

    @Test
    void aConceptMostPassagesOnTheRestOfTheSubjectMatchAnywayWeighsLessWithOverlap() {
        List<Concept> concepts = new QueryPlanner(List.of(new GlossaryGroup(false, false, List.of("CSTO")),
                new GlossaryGroup(false, false, List.of("troops")), new GlossaryGroup(false, false, List.of("withdrawal"))))
                .plan("CSTO troops withdrawal", Lang.EN);
        int csto = labelAt(concepts, "CSTO");
        int troops = labelAt(concepts, "troops");
        int withdrawal = labelAt(concepts, "withdrawal");
        // 100 documents: 0..9 on the CSTO; 0..7 of them name troops, nothing else does; 9 and 20..40 name a withdrawal
        org.apache.lucene.util.FixedBitSet[] matches = noMatches(concepts, 100);
        matches[csto].set(0, 10);
        matches[troops].set(0, 8);
        matches[withdrawal].set(9);
        matches[withdrawal].set(20, 41);
        // Rarer in the corpus, «troops» weighs more on its own; among the CSTO's passages «withdrawal» is the rarer.
        Coverage rarity = Coverage.of(100, concepts, matches, Set.of(), RetrievalSettings.DEFAULT.with("overlap", 0));
        assertThat(rarity.of(0)).isGreaterThan(rarity.of(9));
        Coverage overlap = Coverage.of(100, concepts, matches, Set.of(), RetrievalSettings.DEFAULT.with("overlap", 1));
        assertThat(overlap.of(9)).isGreaterThan(overlap.of(0));
        assertThat(overlap.total()).isCloseTo(rarity.total(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void besideACuratedSubjectANameWeighsAsACuratedConceptNotAsABareWord() {
        String question = "Was the minister Turgumbayev charged in court?";
        List<Concept> concepts = new QueryPlanner(List.of(new GlossaryGroup(false, false, List.of("charged"))))
                .plan(question, Lang.EN);
        assertThat(Names.written(question, concepts)).containsExactly("Turgumbayev");
        // 100 documents: 0 names him and a charge; 1..30 a minister, a court and a charge, none of them him
        org.apache.lucene.util.FixedBitSet[] matches = noMatches(concepts, 100);
        matches[labelAt(concepts, "charged")].set(0, 31);
        matches[labelAt(concepts, "Turgumbayev")].set(0);
        matches[labelAt(concepts, "minister")].set(1, 31);
        matches[labelAt(concepts, "court")].set(1, 31);
        Coverage bare = Coverage.of(100, concepts, matches, Set.of(), RetrievalSettings.DEFAULT);
        assertThat(bare.of(1)).isGreaterThan(bare.of(0));
        Coverage named = Coverage.of(100, concepts, matches, Names.written(question, concepts), RetrievalSettings.DEFAULT);
        assertThat(named.of(0)).isGreaterThan(named.of(1));
    }

    @Test
    void aNameAloneDoesNotWeighAsACuratedConcept() {
        // no curated subject, no events named: whether the question is about them at all rests on its bare words
        String question = "In which year was Abai born?";
        assertThat(Names.written(question, new QueryPlanner(List.of()).plan(question, Lang.EN))).isEmpty();
    }

    /** For each concept, an empty set of matching documents among {@code docs}. */
    private static org.apache.lucene.util.FixedBitSet[] noMatches(List<Concept> concepts, int docs) {
        org.apache.lucene.util.FixedBitSet[] matches = new org.apache.lucene.util.FixedBitSet[concepts.size()];
        for (int i = 0; i < matches.length; i++) {
            matches[i] = new org.apache.lucene.util.FixedBitSet(docs);
        }
        return matches;
    }

    private static int labelAt(List<Concept> concepts, String label) {
        for (int i = 0; i < concepts.size(); i++) {
            if (concepts.get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError(label + " not in " + concepts);
    }
}
