package dev.sigil.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.sigil.contract.event.EventTime;

/**
 * {@code --since} and {@code --until}: a date ({@code 2026-01-11}: from the start of that day; up to its end) or a
 * date and time ({@code 2026-01-11T14:30}, with or without an offset: from, up to and including, that instant),
 * local time of {@code zone} when no offset is given. A line is in range by its own time; a line without a
 * readable time is in range only when neither bound is given.
 *
 * @param from the first instant in range, if bounded
 * @param to the first instant after the range, if bounded
 */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {

    public static final TimeRange ALL = new TimeRange(Optional.empty(), Optional.empty());

    /**
     * @throws IllegalArgumentException with what a bound may be, for a text that is none
     */
    public static TimeRange of(String since, String until, ZoneId zone) {
        Optional<Instant> from = since == null ? Optional.empty() : Optional.of(start(since, zone));
        Optional<Instant> to = until == null ? Optional.empty() : Optional.of(end(until, zone));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until);
        }
        return new TimeRange(from, to);
    }

    public boolean bounded() {
        return from.isPresent() || to.isPresent();
    }

    /** Whether a line of time {@code t} (null: unreadable) is in range. */
    boolean contains(EventTime t, ZoneId zone) {
        if (!bounded()) {
            return true;
        }
        if (t == null) {
            return false;
        }
        Instant at = t.toInstant(zone);
        return from.map(f -> !at.isBefore(f)).orElse(true) && to.map(u -> at.isBefore(u)).orElse(true);
    }

    private static Instant start(String text, ZoneId zone) {
        return parse(text, zone, false);
    }

    private static Instant end(String text, ZoneId zone) {
        return parse(text, zone, true);
    }

    private static Instant parse(String text, ZoneId zone, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException naive) {
                at = LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            return end ? at.plusNanos(1) : at;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (2026-01-11) or a date and time (2026-01-11T14:30,"
                    + " 2026-01-11T14:30:00Z)");
        }
    }
}
