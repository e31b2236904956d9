package dev.sigil.monitor.state;

import dev.sigil.contract.event.EventTime;

/**
 * The wall clock as the latest tick told it.
 *
 * @param epochMillis milliseconds since the epoch
 * @param utcOffsetSeconds the local offset from UTC (naive log timestamps are local wall time)
 */
public record Clock(long epochMillis, int utcOffsetSeconds) {

    /** This instant on the line of {@link EventTime}s: UTC for aware times, local wall time for naive ones. */
    public EventTime asEventTime(boolean aware) {
        long micros = Math.multiplyExact(epochMillis, 1000L);
        return aware ? new EventTime(micros, true) : new EventTime(micros + utcOffsetSeconds * 1_000_000L, false);
    }
}
