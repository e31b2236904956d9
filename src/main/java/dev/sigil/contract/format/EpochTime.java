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
        long m = micros(count, kind);
        return m == OUT_OF_RANGE ? null : iso(m);
    }

    /** {@link #micros}' answer for a count beyond the years sigil shows. */
    static final long OUT_OF_RANGE = Long.MIN_VALUE;

    /** The microseconds since the epoch of a whole count of {@code kind} ({@link #iso(long, Kind)}'s), or {@link #OUT_OF_RANGE}. */
    static long micros(long count, Kind kind) {
        long m;
        switch (kind) {
            case EPOCH_S -> m = within(count, MAX_MICROS / 1_000_000L) ? count * 1_000_000L : Long.MAX_VALUE;
            case EPOCH_MS -> m = within(count, MAX_MICROS / 1000L) ? count * 1000L : Long.MAX_VALUE;
            case EPOCH_NS -> m = Math.floorDiv(count, 1000L);
            default -> m = count;
        }
        return m < MIN_MICROS || m > MAX_MICROS ? OUT_OF_RANGE : m;
    }

    /** The second of the day (UTC) of {@code micros} since the epoch: what the ISO text's {@code HH:MM:SS} says. */
    static int secondOfDay(long micros) {
        return (int) Math.floorMod(Math.floorDiv(micros, 1_000_000L), 86_400L);
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
        // The civil date of the day, as LocalDate.ofEpochDay gives it, by arithmetic alone (H. Hinnant's
        // civil_from_days: eras of 400 years from 0000-03-01), the years in range being 1-9999.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        char[] c = new char[fraction % 1000 == 0 ? 24 : 27];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, month, 2);
        c[7] = '-';
        digits(c, 8, day, 2);
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
