package dev.sigil.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.state.Coalescing;
import dev.sigil.monitor.state.MonitorAction;

/**
 * Where the tailer's thread leaves actions for the render thread (GUIDE practice 7). Bounded by bytes: when the log
 * events waiting would weigh more than {@code maxBytes} ({@link #weight(LogEvent)}), or be more than
 * {@code maxEvents}, {@link #post} blocks the tailer until the next frame takes them, so a fast reader of a huge log
 * cannot fill the memory, whether its lines hold 300 bytes or 1 MiB. {@link #drain} hands everything over, coalesced.
 */
public final class ActionQueue {

    /** What an event costs beyond its text: the record, its strings' headers, the list slot. */
    static final int EVENT_OVERHEAD = 256;

    private final Object lock = new Object();
    private final int maxEvents;
    private final long maxBytes;
    private List<MonitorAction> pending = new ArrayList<>();
    private long pendingEvents;
    private long pendingBytes;
    private volatile Runnable onFull = () -> { };
    private volatile Runnable onFirstContent = () -> { };

    public ActionQueue(int maxEvents, long maxBytes) {
        this.maxEvents = Math.max(1, maxEvents);
        this.maxBytes = Math.max(1, maxBytes);
    }

    /** The memory an event holds, as the queue weighs it: its text fields at two bytes a character, plus overhead. */
    static long weight(LogEvent e) {
        long chars = (long) e.timestamp().length() + e.sessionId().length() + e.eventType().length() + e.component().length()
                + e.operation().length() + e.message().length() + e.error().length() + e.errorType().length();
        return EVENT_OVERHEAD + 2 * chars;
    }

    private static long weight(MonitorAction action) {
        if (action instanceof MonitorAction.BacklogFolded f && f.fold() != null) {
            return f.fold().weight();
        }
        if (!(action instanceof MonitorAction.LinesAppended l)) {
            return 0;
        }
        long bytes = 0;
        for (LogEvent e : l.events()) {
            bytes += weight(e);
        }
        return bytes;
    }

    /** Whether an action of {@code events} events weighing {@code bytes} must wait (an empty queue takes anything). */
    private boolean noRoom(long events, long bytes) {
        return (pendingEvents > 0 || pendingBytes > 0) && (pendingEvents + events > maxEvents || pendingBytes + bytes > maxBytes);
    }

    /**
     * Runs {@code wakeUp} (on the posting thread) each time a post finds the queue full, so that the consumer can take
     * the backlog before its next frame is due (ADR 0045): reading a large log is then bound by the reducer, not by
     * the frame rate.
     */
    public void onFull(Runnable wakeUp) {
        this.onFull = wakeUp;
    }

    /**
     * Runs {@code show} (on the posting thread) after the log's end or its kept fold is posted ({@code BacklogFound},
     * {@code FoldRestored}): the first frame's content, which the screen shows without waiting for a tick (ADR 0200).
     */
    public void onFirstContent(Runnable show) {
        this.onFirstContent = show;
    }

    /** Adds an action, waiting while too many events are pending. */
    public boolean post(MonitorAction action) {
        return post(action, () -> false);
    }

    /**
     * Adds an action, waiting while too many events are pending; gives up (returns false) when {@code cancelled}
     * becomes true or the thread is interrupted.
     */
    public boolean post(MonitorAction action, BooleanSupplier cancelled) {
        long size = action instanceof MonitorAction.LinesAppended l ? l.events().size() : 0;
        long bytes = weight(action);
        boolean full;
        synchronized (lock) {
            if (replacesLast(action)) {
                return true;
            }
            full = noRoom(size, bytes);
        }
        if (full) {
            onFull.run();
        }
        synchronized (lock) {
            while (noRoom(size, bytes)) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            pending.add(action);
            pendingEvents += size;
            pendingBytes += bytes;
        }
        if (action instanceof MonitorAction.BacklogFound || action instanceof MonitorAction.FoldRestored) {
            onFirstContent.run();
        }
        if (action instanceof MonitorAction.BacklogFolded f && f.done() && f.fold() != null) {
            onFull.run(); // the final totals of a backlog folded on the reader's thread: shown now, not at the next tick
        }
        return true;
    }

    /**
     * A fold of the backlog made on the reader's thread (ADR 0205) takes the place of one still waiting right before it
     * (their counts added, {@link Coalescing#later}): the reader never waits for the screen while it folds, and what
     * waits is one fold, not one per chunk (and the one that ends the backlog, after it). Under the lock.
     */
    private boolean replacesLast(MonitorAction action) {
        if (!(action instanceof MonitorAction.BacklogFolded f) || f.fold() == null || f.done() || pending.isEmpty()
                || !(pending.get(pending.size() - 1) instanceof MonitorAction.BacklogFolded last) || last.fold() == null || last.done()) {
            return false;
        }
        pendingBytes += weight(f) - weight(last);
        pending.set(pending.size() - 1, Coalescing.later(last, f));
        return true;
    }

    /** Everything posted so far, in order, coalesced; empty when nothing waits. */
    public List<MonitorAction> drain() {
        List<MonitorAction> taken;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return List.of();
            }
            taken = pending;
            pending = new ArrayList<>();
            pendingEvents = 0;
            pendingBytes = 0;
            lock.notifyAll();
        }
        return Coalescing.coalesce(taken);
    }
}
