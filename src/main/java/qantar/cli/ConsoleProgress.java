package qantar.cli;

import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import qantar.app.Progress;

/** A progress bar on standard error for steps of more than a few hundred items; stdout stays clean for --json. */
final class ConsoleProgress implements Progress {
    private static final int SHOW_FROM = 300;

    @Override
    public IntConsumer start(String task, int total) {
        if (total < SHOW_FROM) {
            return done -> { };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return done -> {
            bar.stepTo(done);
            if (done >= total) {
                bar.close();
            }
        };
    }
}
