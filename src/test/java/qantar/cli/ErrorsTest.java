package qantar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import qantar.corpus.CorpusException;
import qantar.corpus.Problem;
import qantar.store.StoreException;
import qantar.telegram.api.BotStartException;

/** The exit code each kind of failure ends with (DESIGN.md: 2 usage, 65 data, 69 unavailable, 70 internal). */
class ErrorsTest {
    final Errors errors = new Errors();

    @Test
    void eachKindOfFailureHasItsExitCode() {
        assertThat(errors.getExitCode(new CommandLine.ParameterException(new CommandLine(new Main()), "bad"))).isEqualTo(2);
        assertThat(errors.getExitCode(Failure.badInput("bad set", null))).isEqualTo(65);
        assertThat(errors.getExitCode(new java.io.UncheckedIOException("cannot read knowledge", new java.io.IOException("denied"))))
                .isEqualTo(65);
        assertThat(errors.getExitCode(new CorpusException(List.of(new Problem("a.yaml", 3, Problem.Severity.ERROR, "bad"))))).isEqualTo(65);
        assertThat(errors.getExitCode(new StoreException("cannot open the database", new SQLException("not a database", null, 26))))
                .isEqualTo(65);
        assertThat(errors.getExitCode(Failure.unavailable("locked", null))).isEqualTo(69);
        assertThat(errors.getExitCode(new BotStartException("the Bot API is unreachable"))).isEqualTo(69);
        assertThat(errors.getExitCode(new StoreException("database error", new SQLException("[SQLITE_BUSY]", null, 5)))).isEqualTo(69);
        assertThat(errors.getExitCode(new RuntimeException("port taken", new BindException("Address already in use")))).isEqualTo(69);
        assertThat(errors.getExitCode(new NullPointerException())).isEqualTo(70);
        assertThat(errors.getExitCode(new IllegalStateException("a bug"))).isEqualTo(70);
    }
}
