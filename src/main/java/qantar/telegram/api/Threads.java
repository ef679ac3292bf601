package qantar.telegram.api;

/** Waiting that an interrupt cuts short: the interrupt is kept, and the caller told. */
public final class Threads {
    private Threads() {
    }

    /** Sleeps; false when interrupted. */
    public static boolean sleep(long millis) {
        return waited(() -> Thread.sleep(millis));
    }

    /** Waits up to {@code millis} for {@code t} to end; false when this thread was interrupted meanwhile. */
    static boolean join(Thread t, long millis) {
        return waited(() -> t.join(millis));
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    private static boolean waited(Wait w) {
        try {
            w.run();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
