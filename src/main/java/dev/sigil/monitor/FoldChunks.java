package dev.sigil.monitor;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.state.FoldedSoFar;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.spend.Prices;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;

/**
 * The backlog folded on the reader's thread (ADR 0205): the events of its lines gathered into chunks, bounded by their
 * weight in bytes as the action queue weighs them ({@link ActionQueue#weight}) and by their number, each chunk folded
 * into the session so far ({@link FoldedSoFar#plus}, the reducer's own fold) when it is full or the backlog done. The
 * render thread takes the newest fold when it draws, so the backlog is folded from the moment the reader starts,
 * while the terminal is set up, and never waits for a frame. One reader's thread.
 */
final class FoldChunks {

    /**
     * Events folded at once, as many as the action queue lets wait: rows are made only for the newest of a chunk (the
     * recent list keeps 1,000), but chunks of 16,384 kept so many events alive that the collector ran full collections
     * under the dashboard's 64 MB heap (3 in a backlog of 1M lines, none with 2,048; ADR 0205).
     */
    static final int EVENTS = DashboardMonitor.MAX_PENDING_EVENTS;
    /** The weight of the events gathered before they are folded: as much as the action queue holds. */
    static final long BYTES = DashboardMonitor.MAX_PENDING_BYTES;

    private final Prices prices;
    private final int maxEvents;
    private final long maxBytes;
    private FoldedSoFar fold = FoldedSoFar.start();
    private List<LogEvent> events = new ArrayList<>();
    private List<MonitorAction.Position> positions = new ArrayList<>();
    private long weight;
    private long malformed;
    private long tooLong;
    private long invalidUtf8;

    FoldChunks(Prices prices, int maxEvents, long maxBytes) {
        this.prices = prices;
        this.maxEvents = Math.max(1, maxEvents);
        this.maxBytes = Math.max(1, maxBytes);
    }

    /** The lines {@code entries} of {@code source}, gathered (folded when the chunk is full, {@link #full}). */
    void add(String source, List<TailEntry> entries) {
        for (TailEntry entry : entries) {
            MonitorAction.Position at = new MonitorAction.Position(source, entry.line(), entry.offset());
            for (LogEvent e : entry.events()) {
                events.add(e);
                positions.add(at);
                weight += ActionQueue.weight(e);
            }
            invalidUtf8 += entry.invalidUtf8() ? 1 : 0;
        }
    }

    /** A line skipped (as {@link TailActions} counts it). */
    void skipped(TailEvent.Skipped s) {
        if (s.reason() == SkipReason.TOO_LONG) {
            tooLong++;
        } else {
            malformed++;
        }
    }

    /** Whether the events gathered are to be folded now. */
    boolean full() {
        return events.size() >= maxEvents || weight >= maxBytes;
    }

    /** The session with every event gathered folded in at {@code nowMillis}, and the reader's counts since the last. */
    FoldedSoFar fold(long nowMillis) {
        FoldedSoFar out = fold.plus(events, positions, nowMillis, prices).skipped(malformed, tooLong, invalidUtf8);
        fold = out.taken();
        events = new ArrayList<>();
        positions = new ArrayList<>();
        weight = 0;
        malformed = 0;
        tooLong = 0;
        invalidUtf8 = 0;
        return out;
    }
}
