package dev.sigil.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.sigil.monitor.state.Coalescing;
import dev.sigil.monitor.state.MonitorAction;

/**
 * Where the tailer's thread leaves actions for the render thread (GUIDE practice 7). Bounded: when more than
 * {@code maxEvents} log events wait, {@link #post} blocks the tailer until the next frame takes them, so a fast
 * reader of a huge log cannot fill the memory. {@link #drain} hands everything over, coalesced.
 */
public final class ActionQueue {

    private final Object lock = new Object();
    private final int maxEvents;
    private List<MonitorAction> pending = new ArrayList<>();
    private long pendingEvents;
    private volatile Runnable onFull = () -> { };

    public ActionQueue(int maxEvents) {
        this.maxEvents = Math.max(1, maxEvents);
    }

    /**
     * Runs {@code wakeUp} (on the posting thread) each time a post finds the queue full, so that the consumer can take
     * the backlog before its next frame is due (ADR 0045): reading a large log is then bound by the reducer, not by
     * the frame rate.
     */
    public void onFull(Runnable wakeUp) {
        this.onFull = wakeUp;
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
        boolean full;
        synchronized (lock) {
            full = pendingEvents > 0 && pendingEvents + size > maxEvents;
        }
        if (full) {
            onFull.run();
        }
        synchronized (lock) {
            while (pendingEvents > 0 && pendingEvents + size > maxEvents) {
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
            return true;
        }
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
            lock.notifyAll();
        }
        return Coalescing.coalesce(taken);
    }
}
