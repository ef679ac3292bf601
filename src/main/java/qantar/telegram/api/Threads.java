package qantar.telegram.api;

/** Waiting for the bot's own threads as they stop. */
final class Threads {
    private Threads() {
    }

    /** Waits up to {@code millis} for {@code t} to end; false when this thread was interrupted meanwhile (its flag set again). */
    static boolean join(Thread t, long millis) {
        try {
            t.join(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
