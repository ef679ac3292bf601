package qantar.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command's own output and error streams (picocli's, so a test can catch them) and its usage
 * errors. The empty {@code @Command} makes it a mixin picocli accepts without options of its own.
 */
@Command
class Streams {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error of this command (exit 2), to throw. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
