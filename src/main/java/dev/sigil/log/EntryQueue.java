package dev.sigil.log;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.layout.SessionId;

/**
 * The callers' side of the logger: a queue to the writer thread bounded by entries and by bytes ({@link WriterQueue}),
 * the queue-full policy (docs/adr/0013: the same for either bound; an episode ends when the writer has caught up, ADR 0190)
 * and the gate that closes it. Every entry offered is either queued or counted as dropped, also when it races with close:
 * {@link #shut()} waits until no offer is in progress, so nothing can be queued after the writer's last look.
 */
final class EntryQueue {

    private final WriterQueue queue;
    private final LoggerSettings settings;
    private final LoggerCounters counters;
    private final Reporter reporter;
    private final SessionId id;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final AtomicBoolean reportedLate = new AtomicBoolean();
    private volatile boolean closed;

    EntryQueue(LoggerSettings settings, LoggerCounters counters, Reporter reporter, SessionId id) {
        this.queue = new WriterQueue(settings.queueCapacity(), settings.queueBytes());
        this.settings = settings;
        this.counters = counters;
        this.reporter = reporter;
        this.id = id;
    }

    /** The queue the writer thread drains. */
    WriterQueue queue() {
        return queue;
    }

    /** The caller's whole cost: one queue offer (a brief bounded wait only when the queue is full). */
    boolean offer(Object item) {
        inFlight.incrementAndGet();
        try {
            if (closed) {
                dropLate();
                return false;
            }
            if (queue.offer(item)) {
                if (dropping.get() && queue.caughtUp()) {
                    dropping.set(false);
                }
                return true;
            }
            return waitOrDrop(item);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Queues a control item, waiting up to {@code nanos} for room; false if closed or still full. */
    boolean offerControl(Object item, long nanos) throws InterruptedException {
        inFlight.incrementAndGet();
        try {
            return !closed && queue.offer(item, nanos);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Refuses further offers and waits (at most {@code nanos}) for the offers in progress to finish. */
    void shut(long nanos) {
        closed = true;
        long deadline = System.nanoTime() + nanos;
        while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }

    /** Queues the close marker after a shut, waiting up to {@code nanos} for room. */
    boolean offerClose(long nanos) throws InterruptedException {
        return queue.offer(WriterLoop.CLOSE, nanos);
    }

    /** Entries still queued when the writer stopped were never accepted: counted as dropped. Waiting flushes are released. */
    void dropLeftovers() {
        for (Object item : queue.takeAll()) {
            if (isEntry(item)) {
                counters.dropped.incrementAndGet();
            } else if (item instanceof WriterLoop.FlushRequest f) {
                f.done().countDown();
            }
        }
    }

    private boolean waitOrDrop(Object item) {
        if (!dropping.get()) {
            try {
                if (queue.offer(item, settings.queueFullWait().toNanos())) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (dropping.compareAndSet(false, true)) {
                reporter.report("session " + id + ": the log queue is full (" + settings.queueCapacity() + " entries or "
                        + (settings.queueBytes() >> 20) + " MiB) because the disk is slower than the pipeline; entries are dropped and"
                        + " counted until it catches up");
            }
        }
        if (isEntry(item)) {
            counters.dropped.incrementAndGet();
        }
        return false;
    }

    private void dropLate() {
        counters.dropped.incrementAndGet();
        if (reportedLate.compareAndSet(false, true)) {
            reporter.report("session " + id + ": an entry was logged after the logger closed; it is not written (counted as dropped)");
        }
    }

    private static boolean isEntry(Object item) {
        return item instanceof ExecutionEntry || item instanceof WriterLoop.Processed;
    }
}
