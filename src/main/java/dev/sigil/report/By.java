package dev.sigil.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

import dev.sigil.contract.event.EventTime;

/**
 * What a report groups by: the name of a line's group, read from its {@link Cell}. The time buckets ({@link #HOUR},
 * {@link #DAY}, {@link #WEEK}) are the local time of the line (a naive timestamp as written, an aware one in the
 * report's zone); {@link #TREE} is the call tree, grouped by node, not by a key.
 */
public enum By {
    MODEL, COMPONENT, OPERATION, PHASE, SESSION, HOUR, DAY, WEEK, TREE;

    /** The name of lines without a readable time, for the time buckets. */
    public static final String NO_DATE = "(no date)";

    /** {@code --by}'s value, and the first field of a JSON row. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<By> of(String name) {
        for (By b : values()) {
            if (b.wireName().equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Whether the rows are periods of time, shown in their order (and filled in between for a trend). */
    public boolean isTime() {
        return this == HOUR || this == DAY || this == WEEK;
    }

    /** The group of the lines of {@code c}. */
    String key(Cell c) {
        return switch (this) {
            case MODEL -> c.model();
            case COMPONENT -> c.component();
            case OPERATION -> c.operation();
            case PHASE -> c.phase();
            case SESSION -> c.session();
            case HOUR, DAY, WEEK -> c.hour() == null ? NO_DATE : period(c.hour());
            case TREE -> throw new IllegalStateException("the tree is not grouped by key");
        };
    }

    /** The name of the period holding the local hour {@code hour}: 2026-01-11 14:00, 2026-01-11, 2026-W02. */
    String period(LocalDateTime hour) {
        return switch (this) {
            case HOUR -> hour.toLocalDate() + " " + String.format(Locale.ROOT, "%02d:00", hour.getHour());
            case DAY -> hour.toLocalDate().toString();
            case WEEK -> week(hour.toLocalDate());
            default -> throw new IllegalStateException(wireName() + " is not a period");
        };
    }

    /** The period after the one named {@code key} (for a trend's gaps), or null when {@code key} is none. */
    String next(String key) {
        try {
            return switch (this) {
                case HOUR -> period(LocalDateTime.parse(key.replace(' ', 'T')).plusHours(1));
                case DAY -> LocalDate.parse(key).plusDays(1).toString();
                case WEEK -> week(LocalDate.parse(key.substring(0, 4) + "-01-04")
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(key.substring(6))).plusWeeks(1));
                default -> null;
            };
        } catch (RuntimeException notAPeriod) {
            return null;
        }
    }

    private static String week(LocalDate d) {
        return String.format(Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The local hour of a time: a naive one as written, an aware one in {@code zone}. */
    static LocalDateTime hour(EventTime t, ZoneId zone) {
        long seconds = Math.floorDiv(t.micros(), 1_000_000L);
        LocalDateTime local = t.aware() ? java.time.Instant.ofEpochSecond(seconds).atZone(zone).toLocalDateTime()
                : LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        return local.withMinute(0).withSecond(0).withNano(0);
    }
}
