package qantar.app;

import java.util.function.IntConsumer;

/** Reports progress of long steps (import, indexing); the command line draws a bar. */
public interface Progress {
    Progress NONE = (task, total) -> done -> { };

    /** Starts a step of {@code total} items; the consumer gets the count done so far. */
    IntConsumer start(String task, int total);
}
