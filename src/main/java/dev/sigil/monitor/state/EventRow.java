package dev.sigil.monitor.state;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.model.Component;

/**
 * One line of the recent-events and errors lists: the fields the screen shows, with text cut to a bound so that a
 * 1 MiB message does not stay in memory.
 *
 * @param seq position of the event in the session (1 for the first event read)
 * @param timestamp as written
 * @param level as written or derived
 * @param component as written
 * @param operation as written or derived
 * @param tokens tokens of the line
 * @param message the message, cut at {@link #MAX_MESSAGE} characters
 * @param error error text, cut
 * @param eventType the event type
 * @param contractComponent the contract component the line's component maps to (docs/contract.md §9), or null
 * @param errorCode the error record's code (docs/errors.md), ""
 * @param suggestion what to do about the error, cut; ""
 * @param position where the line was read (for its whole entry), or {@link MonitorAction.Position#UNKNOWN}
 */
public record EventRow(long seq, String timestamp, Level level, String component, String operation, long tokens,
                       String message, String error, String eventType, Component contractComponent, String errorCode,
                       String suggestion, MonitorAction.Position position) {

    public static final int MAX_FIELD = 80;
    public static final int MAX_MESSAGE = 500;
    /** What a row costs beyond its text: the record, its position and its strings' headers. */
    static final int ROW_OVERHEAD = 240;

    /**
     * The memory the row holds, as the state's lists weigh it: its text at two bytes a character, plus overhead (the
     * position's source is the path of the file followed, one string shared by every row read from it).
     */
    public long weight() {
        return ROW_OVERHEAD + 2L * ((long) timestamp.length() + component.length() + operation.length() + message.length()
                + error.length() + eventType.length() + errorCode.length() + suggestion.length());
    }

    /** The component shown for a line no format recognised (docs/formats.md §8). */
    public static final String UNRECOGNISED = "(unrecognised)";

    static EventRow of(long seq, LogEvent e, MonitorAction.Position position) {
        String component = e.unrecognised() && e.component().isEmpty() ? UNRECOGNISED : e.component();
        return new EventRow(seq, cut(e.timestamp(), MAX_FIELD), e.level(), cut(component, MAX_FIELD),
                cut(e.operation(), MAX_FIELD), e.tokens(), cut(e.message(), MAX_MESSAGE), cut(e.error(), MAX_MESSAGE),
                cut(e.eventType(), MAX_FIELD), e.contractComponent(), cut(e.errorCode(), MAX_FIELD), cut(e.suggestion(), MAX_MESSAGE),
                position);
    }

    /** {@code s} cut to at most {@code max} chars (never inside a surrogate pair), with "…" when cut. */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
