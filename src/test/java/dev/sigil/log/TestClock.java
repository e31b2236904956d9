package dev.sigil.log;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test sets, in microseconds since the epoch, in UTC: timestamps the test controls. */
final class TestClock extends Clock {

    private final AtomicLong micros;

    TestClock(long micros) {
        this.micros = new AtomicLong(micros);
    }

    /** 2026-01-11T10:15:32.123456 UTC. */
    static TestClock seedDay() {
        return new TestClock(1_768_126_532_123_456L);
    }

    void set(long epochMicros) {
        micros.set(epochMicros);
    }

    void advanceMicros(long delta) {
        micros.addAndGet(delta);
    }

    long micros() {
        return micros.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        long m = micros.get();
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L);
    }
}
