package qantar.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {
    @Test
    void readsYoAsYeInAnyCase() {
        assertThat(Folding.fold("Ещё ВЁЛ Қаңтар")).isEqualTo("еще вел қаңтар");
        assertThat(Folding.fold('ё')).isEqualTo('е');
        assertThat(Folding.fold('Ё')).isEqualTo('Ё'); // the analyzers lower-case before they fold
    }
}
