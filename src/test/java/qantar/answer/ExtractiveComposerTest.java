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

    @Test
    void aFactClusterIsShownOnceWithEveryOtherSourceAsAlsoAndASourceKeepsItsPublishersSide() {
        Passage head = passage("a-1", "a");
        Passage twin = new Passage("b-1", "b", Side.OFFICIAL, "GPO", List.of("death_toll"), Map.of(Lang.EN, "the same figure, b"),
                Lang.EN, false, null, null, Map.of(), "a-1");
        Passage other = passage("c-1", "c");
        Map<String, List<Passage>> clusters = Map.of("a-1", List.of(head, twin));
        ExtractiveComposer composer = new ExtractiveComposer(p -> p.clusterId().equals("a-1")
                ? clusters.get("a-1").stream().sorted((x, y) -> x == p ? -1 : y == p ? 1 : 0).toList() : List.of(p),
                () -> qantar.search.RetrievalSettings.DEFAULT);
        // the twin ranks first: it is shown, the head follows as "also", and the cluster takes one slot
        List<Statement> shown = composer.statements(List.of(new Hit(twin, 3, 1), new Hit(head, 2, 1), new Hit(other, 1, 1)),
                Lang.EN, java.util.Set.of(), 3);
        assertThat(shown).extracting(Statement::passageId).containsExactly("b-1", "c-1");
        assertThat(shown.get(0).also()).containsExactly(new Statement.Also("a-1", "a"));
        assertThat(shown.get(0).passageIds()).containsExactly("b-1", "a-1");

        Source hrwPage = new Source("a", "Title a", "HRW", "2022-12-20", "https://example.org/a", "en", null, null, Side.HRW);
        List<SourceRef> refs = ExtractiveComposer.sources(shown, List.of(), Map.of("a", hrwPage, "b", source("b"), "c", source("c")));
        assertThat(refs).extracting(SourceRef::id).containsExactly("b", "a", "c");
        assertThat(refs.get(1).side()).isEqualTo(Side.HRW); // the publisher's side, not the official statement's
    }

    @Test
    void aPassageOnNoneOfTheBestCandidatesTopicsIsNotShown() {
        Passage toll = passage("a-1", "a");
        Passage toll2 = passage("a-2", "a");
        Passage trial = new Passage("b-1", "b", Side.HRW, "HRW", List.of("trials"), Map.of(Lang.EN, "a trial began"), Lang.EN,
                false, null, null);
        Passage hrwToll = new Passage("b-2", "b", Side.HRW, "HRW", List.of("death_toll", "trials"), Map.of(Lang.EN, "HRW on the toll"),
                Lang.EN, false, null, null);
        List<Hit> hits = List.of(new Hit(toll, 3, 1), new Hit(toll2, 2.9, 1), new Hit(trial, 2.8, 1), new Hit(hrwToll, 2.7, 1));
        var settings = qantar.search.RetrievalSettings.DEFAULT.with("topicHits", 2).with("questionTopics", 1);
        ExtractiveComposer composer = new ExtractiveComposer(p -> List.of(p), () -> settings);
        var retrieval = new qantar.search.Retriever.Retrieval(Lang.EN, List.of(), true, null, List.of(), hits);
        assertThat(composer.statements(retrieval, Lang.EN, java.util.Set.of())).extracting(Statement::passageId)
                .containsExactly("a-1", "a-2", "b-2");
        // with the topics unused, the trial that shares the question's words is shown too
        ExtractiveComposer any = new ExtractiveComposer(p -> List.of(p), () -> settings.with("questionTopics", 0));
        assertThat(any.statements(retrieval, Lang.EN, java.util.Set.of())).extracting(Statement::passageId)
                .containsExactly("a-1", "a-2", "b-1", "b-2");
    }

    @Test
    void aPassageCoveringThePartOnlyIsShownWhenOneOfItsAsksIsOnTheQuestion() {
        Passage full = passage("a-1", "a");
        Passage askedPart = passage("a-2", "a");
        Passage wordPart = passage("a-3", "a");
        List<Hit> hits = List.of(new Hit(full, 3, 0.8, 1), new Hit(askedPart, 2, 0.55, 0.5), new Hit(wordPart, 1, 0.55, 0));
        var gated = qantar.search.RetrievalSettings.DEFAULT.with("askGate", 0.6);
        assertThat(new ExtractiveComposer(p -> List.of(p), () -> gated).statements(hits, Lang.EN, java.util.Set.of(), 3))
                .extracting(Statement::passageId).containsExactly("a-1", "a-2");
        var open = gated.with("askGate", 0);
        assertThat(new ExtractiveComposer(p -> List.of(p), () -> open).statements(hits, Lang.EN, java.util.Set.of(), 3))
                .extracting(Statement::passageId).containsExactly("a-1", "a-2", "a-3");
    }

    @Test
    void anOverviewShowsASidesKeyItemsFirst() {
        Passage ceremony = passage("a-1", "a");
        Passage cited = passage("a-2", "a");
        Passage citedOnTheTimeline = new Passage("a-3", "a", Side.OFFICIAL, "GPO", List.of("timeline"), Map.of(Lang.EN, "key item"),
                Lang.EN, false, null, null);
        var overview = new qantar.search.Frame("overview", Map.of(Lang.EN, List.of(List.of("briefly"))), false, null,
                List.of("timeline"), true, true, false);
        var concepts = List.of(new qantar.search.Concept("briefly", List.of("briefly"), false, false, false, overview));
        var retrieval = new qantar.search.Retriever.Retrieval(Lang.EN, concepts, true, null, List.of(),
                List.of(new Hit(ceremony, 3, 1), new Hit(cited, 2, 1), new Hit(citedOnTheTimeline, 1, 1)));
        ExtractiveComposer composer = new ExtractiveComposer(p -> List.of(p), () -> qantar.search.RetrievalSettings.DEFAULT,
                () -> java.util.Set.of("a-2", "a-3"), List::of);
        assertThat(retrieval.overview()).isTrue();
        assertThat(composer.statements(retrieval, Lang.EN, java.util.Set.of())).extracting(Statement::passageId)
                .containsExactly("a-3", "a-2");
    }

    @Test
    void anOverviewLeadsWithEachSidesOverallAccountEvenWhereTheQuestionsWordsMissedIt() {
        Passage found = passage("a-1", "a");
        Passage keyItem = passage("a-2", "a");
        Passage position = new Passage("b-1", "b", Side.OFFICIAL, "GPO", List.of("coup", "position"), Map.of(Lang.EN, "three stages"),
                Lang.EN, false, null, null);
        Passage otherSide = new Passage("c-1", "c", Side.HRW, "HRW", List.of("torture", "position"), Map.of(Lang.EN, "a cascade"),
                Lang.EN, false, null, null);
        var overview = new qantar.search.Frame("overview", Map.of(Lang.EN, List.of(List.of("briefly"))), false, null,
                List.of("timeline", "position"), true, true, false);
        var concepts = List.of(new qantar.search.Concept("briefly", List.of("briefly"), false, false, false, overview));
        // the key item was found only in part; neither side's overall account was found at all
        var retrieval = new qantar.search.Retriever.Retrieval(Lang.EN, concepts, true, null, List.of(),
                List.of(new Hit(found, 3, 1), new Hit(keyItem, 2, 0.5)));
        List<Passage> corpus = List.of(found, keyItem, position, otherSide);
        ExtractiveComposer composer = new ExtractiveComposer(p -> List.of(p), () -> qantar.search.RetrievalSettings.DEFAULT,
                () -> java.util.Set.of("a-2"), () -> corpus);
        assertThat(composer.statements(retrieval, Lang.EN, java.util.Set.of())).extracting(Statement::passageId)
                .containsExactly("b-1", "a-2", "c-1");
        assertThat(composer.statements(retrieval, Lang.EN, java.util.Set.of(Side.HRW))).extracting(Statement::passageId)
                .containsExactly("c-1");

        // "day by day" asks for the course of events, not for the sides' accounts of them
        var chronology = new qantar.search.Frame("chronology", Map.of(Lang.EN, List.of(List.of("timeline"))), false, null,
                List.of("timeline"), true, true, false);
        var byDay = new qantar.search.Retriever.Retrieval(Lang.EN,
                List.of(new qantar.search.Concept("timeline", List.of("timeline"), false, false, false, chronology)), true, null,
                List.of(), retrieval.hits());
        assertThat(composer.statements(byDay, Lang.EN, java.util.Set.of())).extracting(Statement::passageId)
                .containsExactly("a-2", "a-1");
    }

    @Test
    void anOverviewTakesTheTimelinesItemsInItsOrderAndShowsNothingBesideASidesKeyItems() {
        Passage position = new Passage("b-1", "b", Side.OFFICIAL, "GPO", List.of("coup", "position"), Map.of(Lang.EN, "three stages"),
                Lang.EN, false, null, null);
        Passage late = passage("a-1", "a");
        Passage early = passage("a-2", "a");
        Passage sceneWord = passage("a-3", "a");
        Passage account = new Passage("c-1", "c", Side.HRW, "HRW", List.of("torture", "position"), Map.of(Lang.EN, "a cascade"),
                Lang.EN, false, null, null);
        Passage sharesAWord = new Passage("c-2", "c", Side.HRW, "HRW", List.of("torture"), Map.of(Lang.EN, "a book in January"),
                Lang.EN, false, null, null);
        var overview = new qantar.search.Frame("overview", Map.of(Lang.EN, List.of(List.of("briefly"))), false, null,
                List.of("timeline", "position"), true, true, false);
        var chronology = new qantar.search.Frame("chronology", Map.of(Lang.EN, List.of(List.of("day", "by", "day"))), false, null,
                List.of("timeline"), true, true, false);
        var briefly = new qantar.search.Concept("briefly", List.of("briefly"), false, false, false, overview);
        // the question's scene word ("January") found the later item and two passages that are no key items, best
        List<Hit> hits = List.of(new Hit(sceneWord, 5, 1), new Hit(sharesAWord, 4, 1), new Hit(late, 3, 1), new Hit(early, 1, 1));
        var timeline = new java.util.LinkedHashSet<>(List.of("a-2", "a-1"));
        ExtractiveComposer composer = new ExtractiveComposer(p -> List.of(p), () -> qantar.search.RetrievalSettings.DEFAULT,
                () -> timeline, () -> List.of(position, late, early, sceneWord, account, sharesAWord));
        var whatHappened = new qantar.search.Retriever.Retrieval(Lang.EN, List.of(briefly), true, null, List.of(), hits);
        assertThat(composer.statements(whatHappened, Lang.EN, java.util.Set.of())).extracting(Statement::passageId)
                .containsExactly("b-1", "a-2", "c-1");

        // "briefly, day by day" asks for the course of events: the timeline's items, from the start, not the accounts
        var dayByDay = new qantar.search.Retriever.Retrieval(Lang.EN,
                List.of(briefly, new qantar.search.Concept("day by day", List.of("day by day"), false, false, false, chronology)),
                true, null, List.of(), hits);
        assertThat(composer.statements(dayByDay, Lang.EN, java.util.Set.of(Side.OFFICIAL))).extracting(Statement::passageId)
                .containsExactly("a-2", "a-1");

        // "what are the versions of what happened?" asks for the sides' accounts alone, not the timeline's items
        var versions = new qantar.search.Frame("versions", Map.of(Lang.EN, List.of(List.of("versions"))), false, null,
                List.of("position"), false, true, false);
        var whichVersions = new qantar.search.Retriever.Retrieval(Lang.EN,
                List.of(briefly, new qantar.search.Concept("versions", List.of("versions"), false, false, false, versions)),
                true, null, List.of(), hits);
        assertThat(composer.statements(whichVersions, Lang.EN, java.util.Set.of())).extracting(Statement::passageId)
                .containsExactly("b-1", "c-1");
    }
}
