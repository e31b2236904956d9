package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parse-rate cap and the lag notices, with time and sizes given. */
class LiveRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theBacklogIsReadAtFullSpeedThenTheCapHolds() {
        LiveRate r = new LiveRate(1000, 10_000_000, 0);
        assertThat(r.pauseMillis(50_000, 5_000_000, 0)).as("catching up").isZero();
        assertThat(r.live()).isFalse();
        assertThat(r.pauseMillis(50_000, 9_999_999, 0)).as("the backlog is read").isZero();
        assertThat(r.live()).isTrue();
        assertThat(r.pauseMillis(1000, 10_100_000, 0)).as("a second's worth at once: the burst").isZero();
        assertThat(r.pauseMillis(500, 10_200_000, 0)).as("500 more at the same instant: half a second").isEqualTo(500);
        assertThat(r.pauseMillis(0, 10_200_000, SECOND)).as("a second later the bucket refilled").isZero();
    }

    @Test
    void rotatedPartsCountTowardsTheBacklog() {
        LiveRate r = new LiveRate(1000, 3_000, 0);
        r.pauseMillis(10, 1_500, 0);   // a rotated part, 1,500 bytes in
        r.pauseMillis(10, 800, 0);     // the active log: offsets start again
        assertThat(r.live()).isFalse();
        r.pauseMillis(10, 1_500, 0);
        assertThat(r.live()).isTrue();
    }

    @Test
    void itSaysWhenItIsFarBehindRestatesItAndSaysWhenItCaughtUp() {
        LiveRate r = new LiveRate(10_000, 0, 0);
        r.pauseMillis(1, 0, 0);
        assertThat(r.lag(0, 512 << 10, 0)).isEmpty();
        assertThat(r.lag(0, 3 << 20, 0)).isEqualTo("reading 3.0 MiB behind the log (at most 10,000 lines a second while following)");
        assertThat(r.lag(0, 4 << 20, SECOND)).as("said a second ago").isEmpty();
        assertThat(r.lag(0, 5 << 20, 6 * SECOND)).startsWith("reading 5.0 MiB behind");
        assertThat(r.lag(5 << 20, (5 << 20) + 1000, 7 * SECOND)).isEqualTo("caught up with the log");
        assertThat(r.lag(5 << 20, (5 << 20) + 1000, 8 * SECOND)).isEmpty();
    }

    @Test
    void duringTheCatchUpItSaysNothing() {
        LiveRate r = new LiveRate(10_000, 100 << 20, 0);
        assertThat(r.lag(0, 100 << 20, 0)).isEmpty();
    }
}
