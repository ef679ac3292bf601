package qantar.telegram.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** The guard's clock, moved by hand. */
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void anUpdateHandledAgainAfterARetryCountsOnce() {
        FloodGuard guard = new FloodGuard(2);
        assertThat(guard.check(7, 100)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 100)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 101)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 102)).isEqualTo(FloodGuard.Verdict.NOTICE);
        assertThat(guard.check(7, 103)).isEqualTo(FloodGuard.Verdict.SILENT);
        assertThat(guard.check(8, 104)).isEqualTo(FloodGuard.Verdict.ANSWER);
    }

    @Test
    void aMinuteLaterTheUserMayAskAgainAndIsNoticedAgain() {
        FloodGuard guard = new FloodGuard(1, now::get);
        assertThat(guard.check(7, 1)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 2)).isEqualTo(FloodGuard.Verdict.NOTICE);
        now.addAndGet(59 * SECOND);
        assertThat(guard.check(7, 3)).isEqualTo(FloodGuard.Verdict.SILENT);
        now.addAndGet(2 * SECOND);
        assertThat(guard.check(7, 4)).isEqualTo(FloodGuard.Verdict.ANSWER);
        assertThat(guard.check(7, 5)).isEqualTo(FloodGuard.Verdict.NOTICE);
    }

    @Test
    void usersIdleForAMinuteAreForgotten() {
        FloodGuard guard = new FloodGuard(1, now::get);
        for (int user = 1; user <= 1000; user++) {
            guard.check(user, user);
        }
        guard.check(1, 5000); // noticed: the notice is held for a minute too
        assertThat(guard.tracked()).isEqualTo(1000);
        now.addAndGet(30 * SECOND);
        guard.check(2000, 6000);
        assertThat(guard.tracked()).isEqualTo(1001); // nobody idle for a minute yet
        now.addAndGet(31 * SECOND);
        guard.check(3000, 7000);
        assertThat(guard.tracked()).isEqualTo(2); // the one who asked 31 s ago, and the one asking now
        assertThat(guard.check(2000, 6001)).isEqualTo(FloodGuard.Verdict.NOTICE); // still counted
        assertThat(guard.check(1, 7001)).isEqualTo(FloodGuard.Verdict.ANSWER); // counted afresh
    }
}
