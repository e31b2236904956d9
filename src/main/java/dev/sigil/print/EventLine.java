package dev.sigil.print;

import dev.sigil.contract.event.LogEvent;

/**
 * The {@code line} format of a line another producer wrote, read through its format (docs/formats.md §8):
 * {@code HH:MM:SS [LEVEL] component/operation: message}, from the event the format made, not from the line's own
 * keys (which would print {@code null} for most of them). The time is cut from the event's timestamp as
 * {@link LineFormat} cuts it; a missing component or operation is left out with its slash, and when both are
 * missing the format's name stands in their place. Pure.
 */
public final class EventLine {

    private EventLine() {
    }

    /** The line for {@code e} (without the newline). */
    public static String format(LogEvent e) {
        String where;
        if (e.component().isEmpty() && e.operation().isEmpty()) {
            where = e.format();
        } else if (e.component().isEmpty() || e.operation().isEmpty()) {
            where = e.component() + e.operation();
        } else {
            where = e.component() + "/" + e.operation();
        }
        String time = e.timestamp().isEmpty() ? "-" : clock(e.timestamp());
        return time + " [" + e.level().name() + "] " + where + ": " + e.message();
    }

    /** {@link LineFormat#time}'s cut of a text: after the first T (else space), before the first dot. */
    private static String clock(String timestamp) {
        String t = LineFormat.time(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(timestamp));
        return t.equals("null") ? timestamp : t;
    }
}
