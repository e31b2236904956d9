package dev.sigil.contract.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A log timestamp read the way CPython's {@code datetime.fromisoformat} reads the forms the contract allows
 * (docs/contract.md §3), as microseconds on one line: naive values as if they were UTC wall time, aware values
 * converted to UTC. Subtracting two of the same kind gives what Python's {@code (end - start)} gives.
 *
 * @param micros microseconds since 1970-01-01T00:00 (naive: of wall time; aware: of UTC)
 * @param aware whether the timestamp had an offset
 */
public record EventTime(long micros, boolean aware) {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** The time of {@code text}, or null when Python would refuse it (or it is not a date-time at all). */
    public static EventTime parse(String text) {
        return parse(text, null);
    }

    /**
     * Reads times one after another as {@link #parse} does, remembering the last date read: the lines of a log share
     * their date, and working a date out is most of the cost of a time (ADR 0180). Used by one thread.
     */
    public static final class Reader {
        /** The text whose first ten characters were the date read last, or null. */
        private String dated;
        private long epochDay;

        public EventTime parse(String text) {
            return EventTime.parse(text, this);
        }
    }

    private static EventTime parse(String text, Reader reader) {
        if (text == null || text.length() < 19) {
            return null;
        }
        try {
            return parseChecked(text, reader);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static long epochDay(String s, Reader reader) {
        if (reader != null && reader.dated != null && s.regionMatches(0, reader.dated, 0, 10)) {
            return reader.epochDay;
        }
        long day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
        if (reader != null) {
            reader.dated = s;
            reader.epochDay = day;
        }
        return day;
    }

    private static EventTime parseChecked(String s, Reader reader) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        // s.charAt(10) is the separator: Python 3.11 accepts any single character there
        long day = epochDay(s, reader);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        long fraction = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            fraction = sixDigits(s, start, i); // Python keeps microseconds and drops further digits
        }
        long wall = (day * 86_400L + hour * 3600L + minute * 60L + second) * MICROS_PER_SECOND + fraction;
        if (i == s.length()) {
            return new EventTime(wall, false);
        }
        long offset = offsetMicros(s, i);
        return offset == Long.MIN_VALUE ? null : new EventTime(wall - offset, true);
    }

    /** {@code Z}, or {@code ±HH:MM[:SS[.ffffff]]} to the end of the text; Long.MIN_VALUE if malformed. */
    private static long offsetMicros(String s, int i) {
        char c = s.charAt(i);
        if (c == 'Z') { // Python 3.11 refuses a lower-case z
            return i + 1 == s.length() ? 0 : Long.MIN_VALUE;
        }
        if ((c != '+' && c != '-') || s.length() < i + 6 || s.charAt(i + 3) != ':') {
            return Long.MIN_VALUE;
        }
        int hours = digits(s, i + 1, i + 3);
        int minutes = digits(s, i + 4, i + 6);
        long seconds = 0;
        long fraction = 0;
        int j = i + 6;
        if (j < s.length()) {
            if (s.charAt(j) != ':' || s.length() < j + 3) {
                return Long.MIN_VALUE;
            }
            seconds = digits(s, j + 1, j + 3);
            j += 3;
            if (j < s.length()) {
                if (s.charAt(j) != '.' || s.length() == j + 1) {
                    return Long.MIN_VALUE;
                }
                fraction = sixDigits(s, j + 1, s.length());
            }
        }
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return Long.MIN_VALUE;
        }
        long magnitude = ((hours * 60L + minutes) * 60L + seconds) * MICROS_PER_SECOND + fraction;
        return c == '-' ? -magnitude : magnitude;
    }

    /** Seconds from {@code start} to {@code end}, as Python's {@code (end - start).total_seconds()} computes them. */
    public static double secondsBetween(EventTime start, EventTime end) {
        return (double) (end.micros - start.micros) / MICROS_PER_SECOND;
    }

    /**
     * The instant this time stands for: an aware time as it is; a naive one as the local wall time of {@code zone}
     * (the Python logger writes the local time of the machine it runs on). What prices by date and time of day read.
     */
    public Instant toInstant(ZoneId zone) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        long nanos = Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
        if (aware) {
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC).atZone(zone).toInstant();
    }

    /** The whole second this time falls in (floor). */
    public long epochSecond() {
        return Math.floorDiv(micros, MICROS_PER_SECOND);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long sixDigits(String s, int from, int to) {
        long v = 0;
        for (int k = 0; k < 6; k++) {
            int i = from + k;
            char c = i < to ? s.charAt(i) : '0';
            if (!isDigit(c)) {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        for (int i = from + 6; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                throw new NumberFormatException(s);
            }
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
