package dev.sigil.contract.codec;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps exactly as CPython's {@code datetime.isoformat()} writes them: {@code YYYY-MM-DDTHH:MM:SS}, then
 * {@code .ffffff} (always six digits) only when the microseconds are not zero, then the UTC offset for aware
 * values. Java's {@code LocalDateTime.toString()} differs (it drops zero seconds and trims the fraction), so sigil
 * never uses it for the log.
 */
public final class PythonTimestamp {

    private PythonTimestamp() {
    }

    /** {@code datetime.now().isoformat()}: local wall time, naive, truncated to microseconds. */
    public static String now(Clock clock) {
        return isoformat(LocalDateTime.now(clock));
    }

    /** Naive isoformat of {@code t}, truncated to microseconds as Python's datetime holds them. */
    public static String isoformat(LocalDateTime t) {
        StringBuilder s = new StringBuilder(26);
        appendDateTime(t.truncatedTo(ChronoUnit.MICROS), s);
        return s.toString();
    }

    /** Aware isoformat of {@code t}: the naive form followed by {@code +HH:MM} (or {@code +HH:MM:SS}). */
    public static String isoformat(OffsetDateTime t) {
        StringBuilder s = new StringBuilder(32);
        appendDateTime(t.toLocalDateTime().truncatedTo(ChronoUnit.MICROS), s);
        ZoneOffset offset = t.getOffset();
        int total = offset.getTotalSeconds();
        s.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        two(total / 3600, s);
        s.append(':');
        two(total / 60 % 60, s);
        if (total % 60 != 0) {
            s.append(':');
            two(total % 60, s);
        }
        return s.toString();
    }

    private static void appendDateTime(LocalDateTime t, StringBuilder s) {
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is outside Python's datetime range 1..9999");
        }
        s.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10)).append((char) ('0' + year / 10 % 10))
                .append((char) ('0' + year % 10)).append('-');
        two(t.getMonthValue(), s);
        s.append('-');
        two(t.getDayOfMonth(), s);
        s.append('T');
        two(t.getHour(), s);
        s.append(':');
        two(t.getMinute(), s);
        s.append(':');
        two(t.getSecond(), s);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            s.append('.');
            String digits = Integer.toString(micros);
            for (int i = digits.length(); i < 6; i++) {
                s.append('0');
            }
            s.append(digits);
        }
    }

    private static void two(int v, StringBuilder s) {
        s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
