package dev.sigil.report;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import dev.sigil.contract.event.EventTime;
import dev.sigil.spend.Keys;
import dev.sigil.spend.Ledger;
import dev.sigil.spend.Phases;

/**
 * What a report groups by: the name of a line's group. A time bucket is one more constant with its own key
 * ({@code hour}, {@code week} are issue 17's); {@link #TREE} is the call tree, grouped by node, not by a key.
 */
public enum By {
    MODEL, COMPONENT, OPERATION, PHASE, SESSION, DAY, TREE;

    /** The name of lines without a readable time, for {@link #DAY}. */
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

    /** The group of {@code line}; {@code zone} is where naive timestamps are local time (for days). */
    String key(Ledger.Line line, ZoneId zone) {
        return switch (this) {
            case MODEL -> Keys.model(line.event());
            case COMPONENT -> Keys.component(line.event());
            case OPERATION -> Keys.operation(line.event());
            case PHASE -> Phases.of(line.event());
            case SESSION -> line.session();
            case DAY -> line.time() == null ? NO_DATE : day(line.time(), zone);
            case TREE -> throw new IllegalStateException("the tree is not grouped by key");
        };
    }

    /** The local date of a time: a naive one as written, an aware one in {@code zone}. */
    static String day(EventTime t, ZoneId zone) {
        long seconds = Math.floorDiv(t.micros(), 1_000_000L);
        if (!t.aware()) {
            return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).toLocalDate().toString();
        }
        return java.time.Instant.ofEpochSecond(seconds).atZone(zone).toLocalDate().toString();
    }
}
