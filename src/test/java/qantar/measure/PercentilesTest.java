package qantar.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void percentilesAreNearestRankWhateverTheOrder() {
        double[] values = {5, 1, 4, 2, 3};
        assertThat(Percentiles.ofUnsorted(values, 95)).isEqualTo(5);
        assertThat(Percentiles.ofUnsorted(values, 50)).isEqualTo(3);
        assertThat(values).containsExactly(5, 1, 4, 2, 3);
        assertThat(Percentiles.ofUnsorted(new double[0], 95)).isZero();
        assertThat(Percentiles.of(new double[] {1, 2, 3, 4}, 100)).isEqualTo(4);
    }
}
