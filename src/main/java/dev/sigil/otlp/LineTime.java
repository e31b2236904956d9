package dev.sigil.otlp;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.sigil.contract.event.EventTime;

/**
 * The instant of a log timestamp in epoch nanoseconds: aware timestamps as they say, naive ones (what
 * {@code datetime.now().isoformat()} writes) as local wall time of {@code zone}, as the price explanation reads them.
 */
final class LineTime {

    /** What {@link #nanos} returns for a timestamp it cannot read. */
    static final long UNREADABLE = Long.MIN_VALUE;

    private LineTime() {
    }

    static long nanos(String timestamp, ZoneId zone) {
        EventTime t = EventTime.parse(timestamp);
        if (t == null) {
            return UNREADABLE;
        }
        long seconds = Math.floorDiv(t.micros(), 1_000_000L);
        long micros = Math.floorMod(t.micros(), 1_000_000L);
        if (!t.aware()) {
            seconds = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).atZone(zone).toEpochSecond();
        }
        if (seconds > Long.MAX_VALUE / 1_000_000_000L - 1 || seconds < 0) {
            return UNREADABLE; // before 1970 or past 2262: not a time OTLP's unsigned nanoseconds can carry
        }
        return seconds * 1_000_000_000L + micros * 1000L;
    }
}
