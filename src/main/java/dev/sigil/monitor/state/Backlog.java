package dev.sigil.monitor.state;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.LogEvent;

/**
 * The log's backlog while it is folded (issue 18, ADR 0165): how many bytes it held when the monitor started, how many
 * of them are folded, and the newest events, read from its end before anything else, shown until the fold reaches
 * them. While the fold goes on, the totals on screen are those of the lines folded so far (partial).
 *
 * @param bytes the bytes to fold (the log and its rotated parts when the monitor started); 0: none
 * @param folded the bytes folded so far
 * @param newest the log's newest events, read from its end (display only: never counted)
 */
public record Backlog(long bytes, long folded, Ring<EventRow> newest) {

    /** No backlog: nothing to fold, or everything folded. */
    public static final Backlog NONE = new Backlog(0, 0, emptyRows());

    private static Ring<EventRow> emptyRows() {
        return Ring.empty(SessionStats.RECENT_CAPACITY, SessionStats.RECENT_BYTES, EventRow::weight);
    }

    /** A backlog of {@code bytes} whose newest events are {@code events}, read at {@code positions}. */
    static Backlog of(long bytes, List<LogEvent> events, List<MonitorAction.Position> positions) {
        List<EventRow> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            rows.add(EventRow.of(i + 1, events.get(i), positions.isEmpty() ? MonitorAction.Position.UNKNOWN : positions.get(i)));
        }
        return bytes <= 0 ? NONE : new Backlog(bytes, 0, emptyRows().appendAll(rows));
    }

    /** Whether part of the backlog is still to be folded: the totals shown are partial. */
    public boolean pending() {
        return bytes > 0 && folded < bytes;
    }

    /** How much is folded, in whole per cent, at most 99 while some is left (never "100 %" with totals partial). */
    public int percent() {
        if (!pending()) {
            return 100;
        }
        return (int) Math.min(99, Math.max(0, folded) * 100 / bytes);
    }

    /** The same backlog with {@code n} bytes folded; done (NONE) when {@code done}. */
    Backlog folded(long n, boolean done) {
        if (done || !pending()) {
            return NONE;
        }
        return new Backlog(bytes, Math.max(folded, Math.min(n, bytes - 1)), newest);
    }
}
