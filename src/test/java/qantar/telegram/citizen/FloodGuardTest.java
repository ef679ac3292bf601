package qantar.telegram.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloodGuardTest {
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
}
