package qantar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.store.Sha256;
import qantar.testing.Fixture;

/**
 * {@code bench --scale N} run twice on one kept data dir must find its corpus unchanged: the same N
 * gives the same passages in every JVM, or the second run indexes and embeds every copy again.
 */
class ScaledCorpusTest {
    private static final int N = 1500;

    /** Run in another JVM: prints the digest of the fixture corpus scaled to N. */
    public static void main(String[] args) {
        System.out.println(digest(ScaledCorpus.of(CorpusReader.read(Fixture.knowledge()).orThrow(), N)));
    }

    @Test
    void theSameSizeGivesTheSameCorpusInEveryProcess() throws Exception {
        Corpus scaled = ScaledCorpus.of(CorpusReader.read(Fixture.knowledge()).orThrow(), N);
        assertThat(scaled.passages()).hasSize(N);
        assertThat(scaled.passages().get(N - 1).id()).contains("-s"); // copies, not only the fixture's passages
        String here = digest(scaled);
        // The order a passage's text maps iterate in is drawn anew by each JVM: a few of them tell.
        // The four start together: each waits mostly on its own start-up.
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(anotherJvm());
        }
        List<String> others = new ArrayList<>();
        try {
            for (Process p : started) {
                others.add(output(p));
            }
        } finally {
            started.forEach(Process::destroyForcibly);
        }
        assertThat(others).containsOnly(here);
    }

    private static Process anotherJvm() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ScaledCorpusTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String output(Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    private static String digest(Corpus c) {
        StringBuilder sb = new StringBuilder();
        for (Passage p : c.passages()) {
            sb.append(p.id()).append('\u0001').append(p.sameAs());
            for (Lang l : Lang.values()) {
                sb.append('\u0001').append(p.texts().get(l)).append('\u0001').append(p.asks().get(l));
            }
            sb.append('\n');
        }
        return HexFormat.of().formatHex(Sha256.of(sb.toString()));
    }
}
