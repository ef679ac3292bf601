package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswersThisTest {
    @TempDir
    Path tmp;

    @Test
    void fitsTheSignalThatTellsAndIgnoresNoise() {
        // Answering candidates cover the question; coverage tells them apart, the other signals are noise.
        Random random = new Random(7);
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            int y = random.nextInt(4) == 0 ? 1 : 0;
            double[] x = new double[AnswersThis.FEATURES.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble();
            }
            x[0] = y == 1 ? 0.6 + 0.4 * random.nextDouble() : 0.7 * random.nextDouble();
            xs.add(x);
            ys.add(y);
        }
        double[] w = AnswersThis.fit(xs, ys, 1.0);
        assertThat(w[1]).isGreaterThan(5);
        for (int i = 2; i < w.length; i++) {
            assertThat(Math.abs(w[i])).as(AnswersThis.FEATURES.get(i - 1)).isLessThan(1);
        }
        AnswersThis model = AnswersThis.of(w, 0.5);
        double[] covering = xs.get(0).clone();
        double[] not = covering.clone();
        covering[0] = 1;
        not[0] = 0.1;
        assertThat(model.p("a", covering)).isGreaterThan(0.5);
        assertThat(model.p("b", not)).isLessThan(0.1);
    }

    @Test
    void theFileKeepsWeightsAndThreshold() throws Exception {
        double[] w = new double[AnswersThis.FEATURES.size() + 1];
        for (int i = 0; i < w.length; i++) {
            w[i] = i - 3.25;
        }
        Path file = tmp.resolve("answers-this.yaml");
        Files.writeString(file, AnswersThis.of(w, 0.2).write("made by a test"));
        AnswersThis read = AnswersThis.load(file);
        assertThat(read.on()).isTrue();
        assertThat(read.threshold()).isEqualTo(0.2);
        assertThat(read.weights()).containsExactly(w);
        assertThat(AnswersThis.load(tmp.resolve("none.yaml"))).isSameAs(AnswersThis.NONE);
        assertThat(AnswersThis.NONE.on()).isFalse();

        Files.writeString(file, "threshold: 0.2\nweights:\n  bias: 1\n");
        assertThatThrownBy(() -> AnswersThis.load(file)).hasMessageContaining("answers-this.yaml").hasMessageContaining("coverage");
    }

    @Test
    void theThresholdIsSweptByName() {
        double[] w = new double[AnswersThis.FEATURES.size() + 1];
        RetrievalSettings s = RetrievalSettings.DEFAULT.with(AnswersThis.of(w, 0.5)).with("answersThis", 0.15);
        assertThat(s.answersThis().threshold()).isEqualTo(0.15);
        assertThat(s.answersThis().on()).isTrue();
    }
}
