package dev.sigil.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/** When a conditional price applies: from a date on, or during a time of day (UTC, possibly across midnight). */
public sealed interface Constraint {

    boolean appliesAt(Instant t);

    /** The constraint in words, for listings and explanations. */
    String describe();

    /**
     * From {@code date}'s midnight UTC on.
     *
     * @param date as the data writes it, YYYY-MM-DD
     * @param from the instant it starts
     */
    record StartDate(String date, Instant from) implements Constraint {
        @Override
        public boolean appliesAt(Instant t) {
            return !t.isBefore(from);
        }

        @Override
        public String describe() {
            return "from " + date;
        }
    }

    /**
     * From {@code start} (inclusive) to {@code end} (exclusive) each day, as seconds after midnight UTC; across
     * midnight when the end comes before the start.
     *
     * @param startText the start as the data writes it (HH:MM:SS with Z or an offset)
     * @param endText the end as written
     */
    record TimeOfDay(String startText, String endText, BigDecimal start, BigDecimal end) implements Constraint {
        @Override
        public boolean appliesAt(Instant t) {
            // JavaScript dates count milliseconds: a finer timestamp is cut to the millisecond first.
            long millis = t.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() / 1_000_000;
            BigDecimal now = BigDecimal.valueOf(millis, 3);
            if (end.compareTo(start) < 0) {
                return now.compareTo(start) >= 0 || now.compareTo(end) < 0;
            }
            return now.compareTo(start) >= 0 && now.compareTo(end) < 0;
        }

        @Override
        public String describe() {
            return "daily " + startText + "-" + endText;
        }
    }
}
