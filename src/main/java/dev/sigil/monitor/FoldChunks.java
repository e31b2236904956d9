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
 * while the terminal is set up, and never waits for a frame. Rows for the recent list are made only for a fold that is
 * shown (ADR 0250): the first, the last, one every {@link #SHOW_EVERY_MS} and any of fewer events than the list keeps;
 * between them, a chunk of at least that many events is folded into the counters alone, its newest kept to make the
 * rows of the next fold shown (a chunk that holds {@code capacity} events evicts every earlier row: making those rows
 * was most of the fold's cost). One reader's thread.
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

    /** How often a fold is shown while the backlog is folded: the others go as progress alone (ADR 0250). */
    static final long SHOW_EVERY_MS = 100;

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
    /** Events folded into the counters alone since the last fold shown; their rows are still to be made. */
    private long unrowed;
    /** The newest of those, {@code capacity} of them (they evict every earlier row), with where each was read. */
    private List<LogEvent> newest = List.of();
    private List<MonitorAction.Position> newestAt = List.of();
    private boolean anyShown;
    private long shownAt;

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

    /** The session with every event gathered folded in at {@code nowMillis}, rows made, and the reader's counts since. */
    FoldedSoFar fold(long nowMillis) {
        return fold(nowMillis, true);
    }

    /**
     * The events gathered folded in at {@code nowMillis}: the session with its rows and the reader's counts since the
     * last fold shown, when this one is to be shown ({@code show}, or as {@link FoldChunks} says); else null, the
     * events folded into the counters alone (ADR 0250).
     */
    FoldedSoFar fold(long nowMillis, boolean show) {
        int capacity = fold.session().recent().capacity();
        boolean shown = show || events.size() < capacity || !anyShown
                || nowMillis - shownAt >= SHOW_EVERY_MS || nowMillis < shownAt;
        FoldedSoFar out;
        if (shown && unrowed == 0) {
            out = fold.plus(events, positions, nowMillis, prices); // rows for the newest of these, as the reducer makes them
        } else {
            out = fold.plusCounting(events, positions, nowMillis, prices, unrowed);
            unrowed += events.size();
            if (events.size() >= capacity) {
                newest = events.subList(events.size() - capacity, events.size());
                newestAt = positions.subList(positions.size() - capacity, positions.size());
            } else { // a shown fold of fewer: the newest rows are the kept ones' last followed by these
                newest = last(newest, events, capacity);
                newestAt = last(newestAt, positions, capacity);
            }
            if (shown) {
                out = out.withNewest(newest, newestAt, unrowed);
            }
        }
        out = out.skipped(malformed, tooLong, invalidUtf8);
        events = new ArrayList<>();
        positions = new ArrayList<>();
        weight = 0;
        malformed = 0;
        tooLong = 0;
        invalidUtf8 = 0;
        if (!shown) {
            fold = out; // the reader's counts go with the next fold shown
            return null;
        }
        fold = out.taken();
        unrowed = 0;
        anyShown = true;
        newest = List.of();
        newestAt = List.of();
        shownAt = nowMillis;
        return out;
    }

    private static <T> List<T> last(List<T> before, List<T> more, int n) {
        List<T> all = new ArrayList<>(before.size() + more.size());
        all.addAll(before);
        all.addAll(more);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
