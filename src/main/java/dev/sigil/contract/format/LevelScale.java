package dev.sigil.contract.format;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.sigil.contract.event.Level;

/**
 * Numeric levels: each level from the lowest number that has it, up to the next one (pino and bunyan's 10-60, Python
 * logging's 10-50, OpenTelemetry's severity numbers 1-24). A number below the lowest has no level. Immutable.
 */
final class LevelScale {

    private static final LevelScale PINO = new LevelScale(table(10, Level.TRACE, 20, Level.DEBUG, 30, Level.INFO, 40, Level.WARNING,
            50, Level.ERROR, 60, Level.CRITICAL));
    private static final LevelScale PYTHON = new LevelScale(table(1, Level.TRACE, 10, Level.DEBUG, 20, Level.INFO, 30, Level.WARNING,
            40, Level.ERROR, 50, Level.CRITICAL));
    private static final LevelScale OTEL = new LevelScale(table(1, Level.TRACE, 5, Level.DEBUG, 9, Level.INFO, 13, Level.WARNING,
            17, Level.ERROR, 21, Level.CRITICAL));

    private final NavigableMap<Long, Level> floors;
    /** The same, as arrays in ascending order of the numbers: looked up on every line, a few entries long. */
    private final long[] from;
    private final Level[] levels;

    private LevelScale(NavigableMap<Long, Level> floors) {
        this.floors = floors;
        this.from = floors.keySet().stream().mapToLong(Long::longValue).toArray();
        this.levels = floors.values().toArray(new Level[0]);
    }

    /** A named scale: pino, bunyan (the same numbers), python or otel; null for another name. */
    static LevelScale named(String name) {
        return switch (name) {
            case "pino", "bunyan" -> PINO;
            case "python" -> PYTHON;
            case "otel" -> OTEL;
            default -> null;
        };
    }

    /** The scale of a table from numbers (as text) to level names. */
    static LevelScale of(Map<String, String> table) {
        NavigableMap<Long, Level> floors = new TreeMap<>();
        table.forEach((number, name) -> floors.put(Long.parseLong(number), Level.parse(name)));
        return new LevelScale(floors);
    }

    /** The level of {@code value}, or null below the lowest number. */
    Level level(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        Map.Entry<Long, Level> e = floors.floorEntry((long) Math.floor(Math.max(Long.MIN_VALUE, Math.min(Long.MAX_VALUE, value))));
        return e == null ? null : e.getValue();
    }

    /** {@link #level(double)} of a whole number. */
    Level level(long value) {
        Level l = null;
        for (int i = 0; i < from.length && from[i] <= value; i++) {
            l = levels[i];
        }
        return l;
    }

    private static NavigableMap<Long, Level> table(Object... pairs) {
        NavigableMap<Long, Level> m = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(((Integer) pairs[i]).longValue(), (Level) pairs[i + 1]);
        }
        return m;
    }
}
