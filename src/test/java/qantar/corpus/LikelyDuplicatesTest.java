package qantar.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LikelyDuplicatesTest {
    private static Passage passage(String id, Side side, String en, String sameAs) {
        return new Passage(id, id.split("-")[0], side, "Speaker", List.of("death_toll"), Map.of(Lang.EN, en), Lang.EN, false, null,
                null, Map.of(), sameAs);
    }

    private static Corpus corpus(Passage... ps) {
        return new Corpus(List.of(), List.of(ps), List.of(), List.of(), List.of());
    }

    @Test
    void aSharedFigureAndSomeSharedWordsMakeACandidateOnlyWithinOneSideAndOutsideAnyCluster() {
        Passage a = passage("a-1", Side.OFFICIAL, "The Prosecutor General said 238 people died in the January events.", null);
        Passage b = passage("b-1", Side.OFFICIAL, "According to the Prosecutor General, 238 people were killed in January.", null);
        Passage hrw = passage("c-1", Side.HRW, "The Prosecutor General said 238 people died in the January events.", null);
        Passage other = passage("d-1", Side.OFFICIAL, "Tokayev asked the CSTO for help on 5 January 2022.", null);
        assertThat(LikelyDuplicates.of(corpus(a, b, hrw, other))).singleElement()
                .satisfies(p -> assertThat(List.of(p.a().id(), p.b().id())).containsExactly("a-1", "b-1"))
                .satisfies(p -> assertThat(p.figures()).containsExactly("238"));

        Passage clustered = passage("b-1", Side.OFFICIAL, b.texts().get(Lang.EN), "a-1");
        assertThat(LikelyDuplicates.of(corpus(a, clustered, other))).isEmpty();
    }
}
