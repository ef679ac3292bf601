package qantar.telegram.api;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import qantar.store.StoreException;

/**
 * Waits that double from a base up to a cap, with jitter so that many waiters do not retry in
 * step. Also the one rule for store calls on the delivery paths: a database error (a lock held
 * past the busy timeout) is retried, never thrown at a worker.
 */
public final class Backoff {
    private final long baseMillis;
    private final long capMillis;
    private int failures;

    public Backoff(long baseMillis, long capMillis) {
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
    }

    /** The wait after one more failure: between half and all of min(cap, base * 2^failures). */
    public long next() {
        long full = Math.min(capMillis, baseMillis << Math.min(failures, 30));
        failures++;
        return full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1);
    }

    public int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }

    /**
     * Runs a store call until it succeeds, waiting between attempts (100 ms doubling to 5 s), while
     * {@code keepTrying} holds; one WARN line per streak. When told to stop, the last error is thrown.
     */
    public static <T> T store(Supplier<T> call, BooleanSupplier keepTrying, Logger log, String what) {
        Backoff b = new Backoff(100, 5000);
        while (true) {
            try {
                T result = call.get();
                if (b.failures() > 0) {
                    log.info("{}: stored after {} retries", what, b.failures());
                }
                return result;
            } catch (StoreException e) {
                if (!keepTrying.getAsBoolean()) {
                    throw e;
                }
                if (b.failures() == 0) {
                    log.warn("{}: {}; retrying", what, e.getMessage());
                }
                if (!Threads.sleep(b.next())) {
                    throw e;
                }
            }
        }
    }
}
