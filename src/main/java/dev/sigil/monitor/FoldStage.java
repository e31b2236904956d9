package dev.sigil.monitor;

import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;

/**
 * The backlog folded on a thread of its own (ADR 0285): the reader hands each batch of decoded lines here and goes on
 * reading and decoding the next, while this stage's thread folds what it was handed ({@link BacklogFeed},
 * {@link FoldChunks}) and posts the actions it makes, in the order the reader read them. Bounded by bytes: when what
 * waits weighs {@link #MAX_BYTES} (events weighed as the action queue weighs them), the reader waits. A failure of the
 * fold ends the stage and is told to its owner (who says reading stopped and stops the reader, as when the reader
 * folded). One thread hands over (the reader's); the stage's thread is started with the first hand-over and ended by
 * {@link #close()}.
 */
final class FoldStage implements AutoCloseable {

    /**
     * What may wait to be folded: an eighth of a chunk ({@link FoldChunks#BYTES}), two of the reader's batches of
     * 256 KiB; more kept more events alive through young collections under the dashboard's 64 MB heap.
     */
    static final long MAX_BYTES = FoldChunks.BYTES / 8;

    private record Handed(TailEvent event, long weight) {
    }

    private final Object lock = new Object();
    private final ArrayDeque<Handed> waiting = new ArrayDeque<>();
    /** Posts what one event means; false when the file is no longer followed. Run on the stage's thread. */
    private final Predicate<TailEvent> post;
    private final BooleanSupplier cancelled;
    private final Consumer<Throwable> failed;
    private Thread thread;
    private long bytes;
    /** An event taken off {@link #waiting} and not yet posted. */
    private boolean busy;
    /** Whether the stage takes nothing more: closed, or its file no longer followed. */
    private boolean ended;

    /**
     * A stage posting each event with {@code post} (false: the file is no longer followed, nothing more is taken);
     * the reader stops waiting for room once {@code cancelled}; {@code failed} is told (on the stage's thread) what
     * the fold threw, after which the stage takes nothing more.
     */
    FoldStage(Predicate<TailEvent> post, BooleanSupplier cancelled, Consumer<Throwable> failed) {
        this.post = post;
        this.cancelled = cancelled;
        this.failed = failed;
    }

    /** The weight of {@code event} as it waits here: its events' as the action queue weighs them. */
    static long weight(TailEvent event) {
        if (!(event instanceof TailEvent.Lines lines)) {
            return 0;
        }
        long w = 0;
        for (TailEntry entry : lines.entries()) {
            for (LogEvent e : entry.events()) {
                w += ActionQueue.weight(e);
            }
        }
        return w;
    }

    /**
     * Hands {@code event} over to be folded and posted after everything handed before it; waits while the stage is
     * full. False when it takes nothing more (its file no longer followed, the fold failed) or the reader is cancelled
     * or interrupted meanwhile.
     */
    boolean hand(TailEvent event) {
        long weight = weight(event);
        synchronized (lock) {
            while (!ended && bytes > 0 && bytes + weight > MAX_BYTES) {
                if (cancelled.getAsBoolean() || !await()) {
                    return false;
                }
            }
            if (ended) {
                return false;
            }
            waiting.add(new Handed(event, weight));
            bytes += weight;
            if (thread == null) {
                thread = new Thread(this::work, "sigil-monitor-fold");
                thread.setDaemon(true);
                thread.start();
            }
            lock.notifyAll();
            return true;
        }
    }

    /** Whether everything handed over has been posted (the reader may then post by itself, in order). */
    boolean idle() {
        synchronized (lock) {
            return waiting.isEmpty() && !busy;
        }
    }

    /** Waits until everything handed over has been posted; false when it will not be (ended, cancelled, interrupted). */
    boolean drain() {
        synchronized (lock) {
            while (!ended && (busy || !waiting.isEmpty())) {
                if (cancelled.getAsBoolean() || !await()) {
                    return false;
                }
            }
            return !ended;
        }
    }

    private boolean await() {
        try {
            lock.wait(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void work() {
        while (true) {
            Handed next;
            synchronized (lock) {
                while (waiting.isEmpty() && !ended) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        ended = true;
                    }
                }
                if (ended) {
                    return;
                }
                next = waiting.poll();
                busy = true;
            }
            boolean posted = false;
            Throwable failure = null;
            try {
                posted = post.test(next.event());
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            boolean end;
            synchronized (lock) {
                busy = false;
                bytes -= next.weight();
                if (!posted) {
                    ended = true;
                    waiting.clear();
                    bytes = 0;
                }
                lock.notifyAll();
                end = ended;
            }
            if (failure != null) {
                failed.accept(failure);
            }
            if (end) {
                return;
            }
        }
    }

    /** Ends the stage's thread, forgetting what waits, and waits (a moment at most) for the event it posts to end. */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            ended = true;
            waiting.clear();
            bytes = 0;
            lock.notifyAll();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
