package dev.sigil.alerts;

/**
 * The stretch of a session's lines a rule measures: the whole session so far, the calendar hour or day of the line
 * (in the zone naive timestamps are read in), or the last {@code micros} of log time up to and including the line.
 *
 * @param kind which of them
 * @param micros the length of a sliding window, 0 for the others
 * @param text as written in the rules file
 */
public record Window(Kind kind, long micros, String text) {

    /** The kinds of window. */
    public enum Kind { SESSION, HOUR, DAY, SLIDING }

    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long HOUR_MICROS = 3_600 * MICROS_PER_SECOND;
    static final long DAY_MICROS = 24 * HOUR_MICROS;

    /** The session window, the default. */
    static final Window SESSION = new Window(Kind.SESSION, 0, "session");

    /** A window as the schema allows it: session, hour, day, or N followed by s, m or h. */
    static Window of(String text) {
        return switch (text) {
            case "session" -> SESSION;
            case "hour" -> new Window(Kind.HOUR, 0, text);
            case "day" -> new Window(Kind.DAY, 0, text);
            default -> new Window(Kind.SLIDING, Durations.micros(text), text);
        };
    }

    /**
     * The calendar hour or day holding {@code localMicros} (microseconds of local wall time), so that a new one starts
     * the count again; 0 for the session and sliding windows, which never start again.
     */
    long bucket(long localMicros) {
        return switch (kind) {
            case HOUR -> Math.floorDiv(localMicros, HOUR_MICROS);
            case DAY -> Math.floorDiv(localMicros, DAY_MICROS);
            default -> 0;
        };
    }

    /** Whether a line needs a time to be placed in this window. */
    boolean needsTime() {
        return kind != Kind.SESSION;
    }
}
