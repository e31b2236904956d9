package dev.sigil.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.sigil.contract.Heap;
import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.validation.Violation;

/**
 * The writer thread: takes entries from the queue, runs them through the {@link EntryPipeline}, collects the lines
 * and writes each batch with one write and one fsync when the {@link FlushPolicy} says so. Faults are handled here
 * (docs/logging.md, "Faults"): lines are kept (bounded) and retried when the disk refuses them, a partial write is
 * cut back to whole lines, a failed fsync closes the file instead of being retried, and every entry that does not
 * reach the log is counted and recorded in errors.jsonl.
 */
final class WriterLoop implements Runnable {

    /** Queue item: write everything pending now, then count down. */
    record FlushRequest(CountDownLatch done) {
    }

    /**
     * Queue item: an entry the caller already ran through the pipeline ({@link ExecutionLogger#logChecked}): append its
     * line, or record its rejection without notifying again; it is not sanitized, checked or encoded a second time.
     */
    record Processed(EntryPipeline.Outcome outcome) {
    }

    /** Queue item: finish. */
    static final Object CLOSE = new Object();

    private final WriterQueue queue;
    private final EntryPipeline pipeline;
    private final FlushPolicy policy;
    private final Segment segment;
    private final ErrorLog errors;
    private final LoggerCounters counters;
    private final Reporter reporter;
    private final Consumer<Rejection> onRejected;
    private final LongSupplier ticker;
    private final Clock clock;
    private final LoggerSettings settings;
    private final PendingLines pending = new PendingLines();
    private final FaultState fault;
    private final List<Object> scratch = new ArrayList<>();
    private ByteBuffer reuse;
    private long errorsSince;
    private long droppedRecorded;
    private long unwrittenRecorded;
    private String lastCause = "";
    private int unsyncedLines;
    private long unsyncedBytes;

    /** Most bytes written between two fsyncs while the writer catches up with a backlog. */
    static final long SYNC_GROUP_BYTES = 1 << 20;

    WriterLoop(WriterQueue queue, EntryPipeline pipeline, Segment segment, ErrorLog errors, LoggerCounters counters,
               Reporter reporter, Consumer<Rejection> onRejected, LongSupplier ticker, Clock clock, LoggerSettings settings) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.policy = FlushPolicy.of(settings);
        this.segment = segment;
        this.errors = errors;
        this.counters = counters;
        this.reporter = reporter;
        this.onRejected = onRejected;
        this.ticker = ticker;
        this.clock = clock;
        this.settings = settings;
        this.fault = new FaultState(settings.flushInterval().toNanos());
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (InterruptedException e) {
            reporter.report("log writer for " + segment.file() + " was interrupted; writing what it holds");
        } catch (RuntimeException | Error e) {
            reporter.report("log writer for " + segment.file() + " failed: " + e + "; this is a bug in sigil");
        } finally {
            finish();
        }
    }

    private void loop() throws InterruptedException {
        boolean closing = false;
        while (!closing) {
            long wait = nextWait(ticker.getAsLong());
            Object item = wait == Long.MAX_VALUE ? queue.take() : queue.poll(wait);
            if (item != null) {
                closing = handle(item);
                while (!closing) {
                    scratch.clear();
                    if (queue.drainTo(scratch, 256) == 0) {
                        break;
                    }
                    for (int i = 0; i < scratch.size(); i++) {
                        closing |= handle(scratch.get(i));
                    }
                }
            }
            maybeFlush(ticker.getAsLong(), false);
        }
        // Entries that raced with close() were queued before the logger refused new ones: write them too.
        scratch.clear();
        queue.drainTo(scratch);
        scratch.forEach(this::handle);
    }

    private long nextWait(long now) {
        long wait = Long.MAX_VALUE;
        if (!pending.isEmpty()) {
            wait = fault.failing() ? fault.nanosUntilRetry(now) : policy.nanosUntilDue(pending.bytes(), pending.count(), pending.firstNanos(), now);
        }
        if (errors.hasPending()) {
            wait = Math.min(wait, Math.max(0, errorsSince + policy.intervalNanos() - now));
        }
        return wait;
    }

    /** Returns true for the close marker. */
    private boolean handle(Object item) {
        if (item instanceof ExecutionEntry entry) {
            accept(entry, true);
        } else if (item instanceof Processed processed) {
            counters.accepted.incrementAndGet();
            record(processed.outcome(), false);
        } else if (item instanceof FlushRequest flush) {
            maybeFlush(ticker.getAsLong(), true);
            flush.done().countDown();
        } else if (item == CLOSE) {
            return true;
        }
        return false;
    }

    private void accept(ExecutionEntry entry, boolean notify) {
        counters.accepted.incrementAndGet();
        EntryPipeline.Outcome outcome;
        try {
            outcome = pipeline.process(entry);
        } catch (RuntimeException e) {
            outcome = new EntryPipeline.Rejected(new Rejection(entry.toJsonNode(), List.of(new Violation("", "internal", String.valueOf(e)))));
        } catch (OutOfMemoryError e) {
            // One entry too large for the heap: what encoding it allocated is garbage again; it is counted as not
            // written (errors.jsonl, metrics.json, the close summary) and the writer goes on with the next.
            String why = "needed more memory than the JVM's heap of " + Heap.mib() + " MiB to be written";
            counters.unwritten.incrementAndGet();
            unwrittenRecorded++;
            noteError(ticker.getAsLong());
            errors.loss("unwritten", PythonTimestamp.now(clock), 1, "an entry " + why);
            reporter.report("an entry of session " + entry.sessionId() + " " + why + "; it is counted as not written (give Java more"
                    + " memory, e.g. " + Heap.advice() + ")");
            maybeFlush(ticker.getAsLong(), false);
            return;
        }
        record(outcome, notify);
    }

    private void record(EntryPipeline.Outcome outcome, boolean notify) {
        long now = ticker.getAsLong();
        if (outcome instanceof EntryPipeline.Rejected rejected) {
            counters.rejected.incrementAndGet();
            noteError(now);
            errors.rejected(rejected.rejection());
            if (notify) {
                notifyRejected(rejected.rejection());
            }
        } else if (outcome instanceof EntryPipeline.Accepted accepted) {
            addLine(accepted.line(), now);
            if (accepted.errorEvent()) {
                noteError(now);
                errors.event(accepted.line());
            }
        }
        maybeFlush(now, false);
    }

    private void notifyRejected(Rejection rejection) {
        try {
            onRejected.accept(rejection);
        } catch (RuntimeException e) {
            reporter.report("the rejection listener failed: " + e);
        }
    }

    private void noteError(long now) {
        if (!errors.hasPending()) {
            errorsSince = now;
        }
    }

    private void addLine(byte[] line, long now) {
        if (fault.failing() && pending.bytes() + line.length > settings.maxRetainedBytes()) {
            counters.unwritten.incrementAndGet();
            return;
        }
        pending.add(line, now);
    }

    private void maybeFlush(long now, boolean force) {
        if (!pending.isEmpty()) {
            boolean due = fault.failing() ? fault.retryDue(now) : policy.due(pending.bytes(), pending.count(), pending.firstNanos(), now);
            if (!due && !force) {
                if (queue.isEmpty()) {
                    sync();
                }
                flushErrorsIfDue(now, false);
                return;
            }
            writePending(now);
        }
        if (force || queue.isEmpty()) {
            sync();
        }
        flushErrorsIfDue(now, true);
    }

    private void flushErrorsIfDue(long now, boolean withBatch) {
        recordLosses();
        if (errors.hasPending() && (withBatch || now - errorsSince >= policy.intervalNanos())) {
            errors.flush();
            if (errors.hasPending()) {
                errorsSince = now;
            }
        }
    }

    /**
     * One write of every pending line. The fsync follows at once when the writer is idle; while entries wait in the
     * queue, consecutive writes share one fsync (at most {@link #SYNC_GROUP_BYTES} apart), so that a slow fsync does not
     * cap throughput at one batch per fsync. An entry counts as written only once an fsync covering it has returned.
     */
    private void writePending(long now) {
        ByteBuffer buf = pending.toBuffer(reuse);
        reuse = buf;
        int lines = pending.count();
        long bytes = buf.remaining();
        try {
            if (segment.needsRotation(bytes, settings.maxFileSizeBytes())) {
                sync();
                segment.rotate();
                counters.rotations.incrementAndGet();
            }
            segment.write(buf);
        } catch (Segment.PartialWriteException e) {
            writeFailed(e.written, (IOException) e.getCause(), now);
            return;
        } catch (IOException e) {
            writeFailed(0, e, now);
            return;
        }
        pending.clear();
        unsynced(lines, bytes);
        if (queue.isEmpty() || unsyncedBytes >= SYNC_GROUP_BYTES) {
            sync();
        }
        if (fault.succeeded()) {
            long lost = counters.unwritten.get() - unwrittenRecorded;
            reporter.report("writing " + segment.file() + " again" + (lost > 0 ? "; " + lost + " entries could not be written meanwhile (counted in metrics.json and errors.jsonl)" : ""));
        }
    }

    private void unsynced(int lines, long bytes) {
        if (settings.fsync()) {
            unsyncedLines += lines;
            unsyncedBytes += bytes;
        } else {
            counters.written.addAndGet(lines);
        }
    }

    /**
     * fsync of what was written since the last one. A failure is not retried (the kernel may have dropped the
     * pages, and a second fsync could falsely succeed): those lines count as unconfirmed, are not written again (a
     * duplicate would double-count tokens), and the file is set aside so that nothing more is appended to it.
     */
    private void sync() {
        if (unsyncedLines == 0) {
            return;
        }
        int lines = unsyncedLines;
        unsyncedLines = 0;
        unsyncedBytes = 0;
        try {
            segment.force();
            counters.written.addAndGet(lines);
        } catch (IOException e) {
            counters.unconfirmed.addAndGet(lines);
            String cause = ErrorLog.cause(e);
            errors.loss("unconfirmed", PythonTimestamp.now(clock), lines, "fsync of " + segment.file() + " failed (" + cause
                    + "): written, but possibly not on disk; not written again");
            String next;
            try {
                next = "continuing in a new file (the old one is now " + segment.retire().getFileName() + ")";
                counters.rotations.incrementAndGet();
            } catch (IOException r) {
                closeQuietly();
                next = "could not set the file aside: " + ErrorLog.cause(r);
            }
            reporter.report("fsync of " + segment.file() + " failed: " + cause + "; " + lines + " entries may not be on disk; " + next);
        }
    }

    /** The disk refused a write: keep the whole lines that made it, cut a partial line, keep the rest to retry. */
    private void writeFailed(long written, IOException cause, long now) {
        lastCause = ErrorLog.cause(cause);
        int whole = pending.wholeLinesWithin(written);
        long wholeBytes = pending.bytesOfFirst(whole);
        if (written > wholeBytes) {
            try {
                segment.truncateTo(segment.size() - written + wholeBytes);
            } catch (IOException t) {
                setTornFileAside();
            }
        }
        if (whole > 0) {
            unsynced(whole, wholeBytes);
            pending.removeFirst(whole, now);
        }
        sync();
        if (fault.failed(now)) {
            reporter.report("cannot write " + segment.file() + ": " + ErrorLog.cause(cause) + "; the pipeline goes on, up to "
                    + settings.maxRetainedBytes() / 1024 + " KiB of entries are kept in memory and retried, and any loss is counted");
        }
    }

    /** A partial line that cannot be cut must never be followed by more lines: set the file aside (or reopen and repair later). */
    private void setTornFileAside() {
        try {
            segment.retire();
            counters.rotations.incrementAndGet();
        } catch (IOException e) {
            closeQuietly();
        }
    }

    private void recordLosses() {
        long dropped = counters.dropped.get();
        if (dropped > droppedRecorded) {
            errors.loss("dropped", PythonTimestamp.now(clock), dropped - droppedRecorded,
                    "the log queue stayed full (or the logger was closed); the entries were never accepted");
            droppedRecorded = dropped;
        }
        long unwritten = counters.unwritten.get();
        if (unwritten > unwrittenRecorded && !fault.failing()) {
            errors.loss("unwritten", PythonTimestamp.now(clock), unwritten - unwrittenRecorded,
                    "the disk refused writes to " + segment.file() + " (" + lastCause + ") beyond what could be kept in memory, or until close");
            unwrittenRecorded = unwritten;
        }
    }

    /** Last attempt at close: whatever still cannot be written is counted as unwritten. */
    private void finish() {
        if (!pending.isEmpty()) {
            writePending(ticker.getAsLong());
        }
        sync();
        if (!pending.isEmpty()) {
            counters.unwritten.addAndGet(pending.count());
            pending.clear();
        }
        fault.succeeded();
        recordLosses();
        errors.flush();
        errors.abandon();
        errors.close();
        counters.errorRecordsLost.set(errors.lostRecords());
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            segment.close();
        } catch (IOException ignored) {
            // Nothing more can be done for a file that fails to close; its writes were already checked.
        }
    }
}
