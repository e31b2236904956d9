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
 * {@code --since} and {@code --until}: a date ({@code 2026-01-11}: from the start of that day; up to its end), a
 * date and time ({@code 2026-01-11T14:30}, with or without an offset: from, up to and including, that instant),
 * local time of {@code zone} when no offset is given, or a time ago ({@code 12h}, {@code 7d}, {@code 2w}: that local
 * hour or day, taken as a date is). A line is in range by its own time; a line without a
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
        return of(since, until, zone, Instant.now());
    }

    /**
     * The range of the two bounds (null: unbounded) at {@code now}: a relative bound ({@code 7d}, {@code 12h},
     * {@code 2w}) names the local day, hour or week-long span of days that far back, and is taken as a date is
     * ({@code --since 7d}: from the start of the day seven days ago; {@code --until 1d}: up to the end of yesterday).
     *
     * @throws IllegalArgumentException with what a bound may be, for a text that is none
     */
    public static TimeRange of(String since, String until, ZoneId zone, Instant now) {
        Optional<Instant> from = since == null ? Optional.empty() : Optional.of(parse(since, zone, false, now));
        Optional<Instant> to = until == null ? Optional.empty() : Optional.of(parse(until, zone, true, now));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until);
        }
        return new TimeRange(from, to);
    }

    public boolean bounded() {
        return from.isPresent() || to.isPresent();
    }

    /**
     * Whether both bounds fall on the start of a local hour of {@code zone} (dates, relative bounds and whole hours
     * do): a report can then sum the cells of whole hours instead of reading every line's time.
     */
    boolean onWholeHours(ZoneId zone) {
        return from.map(i -> onHour(i, zone)).orElse(true) && to.map(i -> onHour(i, zone)).orElse(true);
    }

    private static boolean onHour(Instant i, ZoneId zone) {
        java.time.ZonedDateTime z = i.atZone(zone);
        return z.getMinute() == 0 && z.getSecond() == 0 && z.getNano() == 0;
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

    private static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile("([0-9]{1,6})([hdw])");

    private static Instant parse(String text, ZoneId zone, boolean end, Instant now) {
        java.util.regex.Matcher m = RELATIVE.matcher(text);
        if (m.matches()) {
            return relative(Integer.parseInt(m.group(1)), m.group(2).charAt(0), zone, end, now);
        }
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
            throw new IllegalArgumentException("'" + text + "' is not a date (2026-01-11), a date and time (2026-01-11T14:30,"
                    + " 2026-01-11T14:30:00Z) or a time ago (12h, 7d, 2w)");
        }
    }

    /** The start (or, {@code end}, the end) of the local hour or day {@code n} units before {@code now}'s. */
    private static Instant relative(int n, char unit, ZoneId zone, boolean end, Instant now) {
        java.time.ZonedDateTime local = now.atZone(zone);
        if (unit == 'h') {
            java.time.ZonedDateTime hour = local.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusHours(n);
            return (end ? hour.plusHours(1) : hour).toInstant();
        }
        LocalDate day = local.toLocalDate().minusDays(unit == 'w' ? 7L * n : n);
        return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
    }
}
