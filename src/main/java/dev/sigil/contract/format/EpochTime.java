package dev.sigil.contract.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps written as a count since the epoch (seconds, milliseconds, microseconds or nanoseconds; an integer, a
 * float or a string of digits), as the ISO-8601 text of the event: UTC, with {@code Z}, to the millisecond when the
 * value is whole milliseconds, else to the microsecond ({@code 2026-01-11T10:15:32.123Z}); nanoseconds are cut to
 * the microsecond, a float rounded to the nearest one. Pure.
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
        // A whole count of nanoseconds is cut to the microsecond; a fraction (a float) is rounded to the nearest one.
        RoundingMode mode = count.scale() <= 0 ? RoundingMode.FLOOR : RoundingMode.HALF_EVEN;
        BigInteger micros = count.movePointRight(kind.toMicros).setScale(0, mode).toBigIntegerExact();
        if (micros.bitLength() > 63) {
            return null;
        }
        return iso(micros.longValue());
    }

    /** The text of a whole count of {@code kind} (the common case, without decimals); null when out of range. */
    static String iso(long count, Kind kind) {
        long m;
        switch (kind) {
            case EPOCH_S -> m = within(count, MAX_MICROS / 1_000_000L) ? count * 1_000_000L : Long.MAX_VALUE;
            case EPOCH_MS -> m = within(count, MAX_MICROS / 1000L) ? count * 1000L : Long.MAX_VALUE;
            case EPOCH_NS -> m = Math.floorDiv(count, 1000L);
            default -> m = count;
        }
        return iso(m);
    }

    private static boolean within(long count, long limit) {
        return count >= -limit && count <= limit;
    }

    private static String iso(long m) {
        if (m < MIN_MICROS || m > MAX_MICROS) {
            return null;
        }
        long seconds = Math.floorDiv(m, 1_000_000L);
        int fraction = (int) Math.floorMod(m, 1_000_000L);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        char[] c = new char[fraction % 1000 == 0 ? 24 : 27];
        digits(c, 0, date.getYear(), 4);
        c[4] = '-';
        digits(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        if (c.length == 24) {
            digits(c, 20, fraction / 1000, 3);
        } else {
            digits(c, 20, fraction, 6);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }

}
