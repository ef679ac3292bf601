package qantar.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;
import qantar.corpus.CorpusException;
import qantar.search.Embedder;
import qantar.store.StoreException;
import qantar.telegram.api.BotStartException;

/**
 * How a failure ends the program: one line on stderr (the stack trace only with --verbose) and a
 * sysexits code, so a script can tell a typo from bad data from a busy resource from a bug.
 */
final class Errors implements IExitCodeExceptionMapper, IExecutionExceptionHandler {
    static final int USAGE = 2;
    static final int DATA = 65;
    static final int UNAVAILABLE = 69;
    static final int INTERNAL = 70;
    /** SQLite's primary result codes for a database another process holds (sqlite-jdbc reports them as the error code). */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (e instanceof Failure f) {
            return f.exitCode;
        }
        if (e instanceof BotStartException || e instanceof Embedder.Unavailable || held(e)) {
            return UNAVAILABLE;
        }
        // a file that cannot be read or written is the input's fault more often than ours
        if (e instanceof CorpusException || e instanceof StoreException || e instanceof UncheckedIOException) {
            return DATA;
        }
        // including IllegalStateException: other packages use it for a bad config file and for a broken invariant alike
        return INTERNAL;
    }

    /** A port or a database another process has. */
    private static boolean held(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || t instanceof SQLException s && (s.getErrorCode() == SQLITE_BUSY || s.getErrorCode() == SQLITE_LOCKED)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        PrintWriter err = line.getErr();
        int code = getExitCode(e);
        if (e instanceof CorpusException ce) {
            ce.problems().forEach(err::println);
            err.println("error: the corpus is invalid (" + ce.problems().size() + " problem(s)); nothing was imported");
        } else if (code == INTERNAL && !(e instanceof IllegalStateException)) { // an unexplained exception: its class says most
            err.println("error: " + e + (verbose(parsed) ? "" : " (--verbose shows where)"));
        } else {
            err.println("error: " + e.getMessage());
        }
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
