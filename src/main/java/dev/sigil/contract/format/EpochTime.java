package dev.sigil.contract.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps written as a count since the epoch (seconds, milliseconds, microseconds or nanoseconds; an integer, a
 * float or a string of digits), as the ISO-8601 text of the event: UTC, with {@code Z}, to the millisecond when the
 * value is whole milliseconds, else to the microsecond ({@code 2026-01-11T10:15:32.123Z}). Pure.
 */
final class EpochTime {

    /** The kinds of timestamp a definition names. */
    enum Kind {
        ISO8601(0), EPOCH_S(6), EPOCH_MS(3), EPOCH_US(0), EPOCH_NS(-3);

        /** Powers of ten from the unit to microseconds (negative: divide). */
        final int toMicros;

        Kind(int toMicros) {
            this.toMicros = toMicros;
        }

        static Kind of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Years sigil shows: beyond them a count is no timestamp (a wrong unit, most likely). */
    private static final long MIN_MICROS = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    private static final long MAX_MICROS = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;

    private EpochTime() {
    }

    /** The text of {@code count} units of {@code kind} since the epoch, or null when it is out of range. */
    static String iso(BigDecimal count, Kind kind) {
        BigInteger micros = count.movePointRight(kind.toMicros).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        if (micros.bitLength() > 63) {
            return null;
        }
        long m = micros.longValue();
        if (m < MIN_MICROS || m > MAX_MICROS) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(m, 1_000_000L), (int) Math.floorMod(m, 1_000_000L) * 1000, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(27);
        pad(s, t.getYear(), 4).append('-');
        pad(s, t.getMonthValue(), 2).append('-');
        pad(s, t.getDayOfMonth(), 2).append('T');
        pad(s, t.getHour(), 2).append(':');
        pad(s, t.getMinute(), 2).append(':');
        pad(s, t.getSecond(), 2).append('.');
        int fraction = (int) Math.floorMod(m, 1_000_000L);
        if (fraction % 1000 == 0) {
            pad(s, fraction / 1000, 3);
        } else {
            pad(s, fraction, 6);
        }
        return s.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder s, int v, int width) {
        String digits = Integer.toString(v);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(digits);
    }
}
