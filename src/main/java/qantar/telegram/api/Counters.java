package qantar.telegram.api;

import java.util.concurrent.atomic.AtomicLong;

/** What the bot did since it started; logged now and then and at shutdown. */
public final class Counters {
    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    public void question() {
        questions.incrementAndGet();
    }

    public void answer() {
        answers.incrementAndGet();
    }

    public void error() {
        errors.incrementAndGet();
    }

    void sent() {
        sent.incrementAndGet();
    }

    void throttled() {
        throttled.incrementAndGet();
    }

    public long questions() {
        return questions.get();
    }

    public long answers() {
        return answers.get();
    }

    public long errors() {
        return errors.get();
    }

    public long sentCalls() {
        return sent.get();
    }

    public long throttledCalls() {
        return throttled.get();
    }

    @Override
    public String toString() {
        return "questions=" + questions + " answers=" + answers + " errors=" + errors + " sent=" + sent + " throttled=" + throttled;
    }
}
