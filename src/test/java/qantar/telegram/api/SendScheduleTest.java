package qantar.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import qantar.telegram.api.TelegramStore.Outgoing;

/** When a stopping queue may stop waiting: nothing it holds could go out before its grace ends. */
class SendScheduleTest {
    private static final long NOW = 1_000_000_000_000L;
    private static final long GRACE = NOW + TimeUnit.SECONDS.toNanos(2);

    private static Outgoing message(long id, Long chat, boolean paced) {
        return new Outgoing(id, chat, paced, "sendmessage", "{}");
    }

    private static long seconds(long s) {
        return TimeUnit.SECONDS.toNanos(s);
    }

    @Test
    void aCallThatMayGoNowOrIsInFlightKeepsTheQueueWaiting() {
        SendSchedule s = new SendSchedule(SendLimits.TELEGRAM);
        s.add(message(1, 42L, true));
        assertThat(s.idleUntil(GRACE, NOW)).as("queued, its chat free").isFalse();
        Outgoing taken = s.take(NOW);
        assertThat(taken).isNotNull();
        assertThat(s.idleUntil(GRACE, NOW)).as("in flight").isFalse();
        s.completed(taken, NOW, 0, false);
        assertThat(s.idleUntil(GRACE, NOW)).as("nothing left").isTrue();
    }

    @Test
    void aChatWaitingOutA429PastTheGraceLetsTheQueueStop() {
        SendSchedule s = new SendSchedule(SendLimits.TELEGRAM);
        s.add(message(1, 42L, true));
        Outgoing taken = s.take(NOW);
        s.completed(taken, NOW, seconds(30), true); // 429, retry after 30 s: first in its chat again
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.idleUntil(GRACE, NOW)).isTrue();
        assertThat(s.idleUntil(NOW + seconds(31), NOW)).as("a grace longer than the wait").isFalse();

        s.add(message(2, 43L, true)); // another chat, free now
        assertThat(s.idleUntil(GRACE, NOW)).isFalse();
    }

    @Test
    void theInstantLaneWaitsOutA429TooAndAChatsGapWithinTheGraceIsWaitedFor() {
        SendSchedule s = new SendSchedule(SendLimits.TELEGRAM);
        s.add(message(1, null, false)); // an inline answer: no chat to pace
        Outgoing taken = s.take(NOW);
        s.completed(taken, NOW, seconds(10), true);
        assertThat(s.idleUntil(GRACE, NOW)).isTrue();
        assertThat(s.idleUntil(NOW + seconds(11), NOW)).isFalse();

        SendSchedule gap = new SendSchedule(SendLimits.TELEGRAM);
        gap.add(message(1, 42L, true));
        gap.add(message(2, 42L, true));
        gap.completed(gap.take(NOW), NOW, 0, false); // the chat's second message waits out the 1 s per-chat gap
        assertThat(gap.idleUntil(GRACE, NOW)).isFalse();
    }
}
