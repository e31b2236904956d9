package dev.sigil.otlp.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.sigil.otlp.ExportCounts;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The queue between the fold and the collector. {@link #offer} never blocks: past {@link #maxBytes} queued, an item is
 * dropped and counted. One thread sends batches of at most {@link #BATCH_ITEMS} items or {@link #BATCH_BYTES}; a batch
 * the collector did not take is sent again after a back-off (250 ms doubling to 5 s) for as long as the export is
 * open, and until the close deadline after that; one line says the collector is away, one that it is back. A batch
 * it refused (not worth retrying, {@link Failure}) is counted unsent. Thread-safe.
 */
final class Outbox implements Runnable {

    static final int BATCH_ITEMS = 1024;
    static final long BATCH_BYTES = 4L << 20;
    static final long FIRST_BACKOFF_MS = 250;
    static final long MAX_BACKOFF_MS = 5000;

    /** One span or log record and roughly the bytes it takes. */
    record Item(SpanData span, LogRecordData log, int weight) {
    }

    private final Function<List<SpanData>, CompletableResultCode> spans;
    private final Function<List<LogRecordData>, CompletableResultCode> logs;
    private final long maxBytes;
    private final long requestTimeoutMs;
    private final Consumer<String> reporter;
    private final String endpoint;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean closing;
    private long deadlineNanos;
    private boolean fullReported;
    private boolean away;
    private String firstFailure = "";
    private long logsSent;
    private long spansSent;
    private long logsUnsent;
    private long spansUnsent;
    private long retries;

    Outbox(Function<List<SpanData>, CompletableResultCode> spans, Function<List<LogRecordData>, CompletableResultCode> logs,
           long maxBytes, long requestTimeoutMs, String endpoint, Consumer<String> reporter) {
        this.spans = spans;
        this.logs = logs;
        this.maxBytes = maxBytes;
        this.requestTimeoutMs = requestTimeoutMs;
        this.endpoint = endpoint;
        this.reporter = reporter;
    }

    /** Queues an item, or drops and counts it when the queue holds {@link #maxBytes} already or the outbox is closing. */
    void offer(Item item) {
        lock.lock();
        try {
            if (closing || queuedBytes + item.weight() > maxBytes && !queue.isEmpty()) {
                unsent(item.span() != null ? 1 : 0, item.log() != null ? 1 : 0);
                if (!fullReported && !closing) {
                    fullReported = true;
                    reporter.accept("OTLP: the queue to " + endpoint + " is full (" + (maxBytes >> 20) + " MiB); dropping and counting "
                            + "what does not fit until the collector takes more");
                }
                return;
            }
            queue.add(item);
            queuedBytes += item.weight();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the sender to send what is queued and stop, waiting for the collector until {@code deadlineNanos} (System.nanoTime). */
    void shut(long deadlineNanos) {
        lock.lock();
        try {
            if (!closing) {
                closing = true;
                this.deadlineNanos = deadlineNanos;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Counts what is still queued as unsent (the sender stopped before sending it). */
    void dropLeftovers() {
        lock.lock();
        try {
            for (Item i : queue) {
                unsent(i.span() != null ? 1 : 0, i.log() != null ? 1 : 0);
            }
            queue.clear();
            queuedBytes = 0;
        } finally {
            lock.unlock();
        }
    }

    ExportCounts counts() {
        lock.lock();
        try {
            return new ExportCounts(logsSent, spansSent, logsUnsent, spansUnsent, retries, firstFailure);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        try {
            List<Item> batch;
            while ((batch = take()) != null) {
                List<SpanData> s = new ArrayList<>();
                List<LogRecordData> l = new ArrayList<>();
                for (Item i : batch) {
                    if (i.span() != null) {
                        s.add(i.span());
                    } else {
                        l.add(i.log());
                    }
                }
                send(s, spans, true);
                send(l, logs, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next batch, waiting for one; null once closing and empty. */
    private List<Item> take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) {
                changed.await();
            }
            if (queue.isEmpty()) {
                return null;
            }
            List<Item> batch = new ArrayList<>();
            long bytes = 0;
            while (!queue.isEmpty() && batch.size() < BATCH_ITEMS && (batch.isEmpty() || bytes + queue.peek().weight() <= BATCH_BYTES)) {
                Item i = queue.poll();
                bytes += i.weight();
                batch.add(i);
            }
            queuedBytes -= bytes;
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private <T> void send(List<T> batch, Function<List<T>, CompletableResultCode> exporter, boolean areSpans) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            CompletableResultCode result = exporter.apply(batch).join(requestTimeoutMs + 1000, TimeUnit.MILLISECONDS);
            if (result.isSuccess()) {
                sent(batch.size(), areSpans);
                return;
            }
            Failure failure = Failure.of(result);
            if (!failure.retryable() || pastDeadline(backoff)) {
                failed(failure, batch.size(), areSpans);
                return;
            }
            goneAway(failure);
            waitBackoff(backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            lock.lock();
            try {
                retries++;
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean pastDeadline(long backoffMs) {
        lock.lock();
        try {
            return closing && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs) - deadlineNanos > 0;
        } finally {
            lock.unlock();
        }
    }

    private void waitBackoff(long ms) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(ms);
            while (left > 0) {
                left = changed.awaitNanos(left); // a close does not cut the wait short: the collector may be back by then
            }
        } finally {
            lock.unlock();
        }
    }

    private void sent(int n, boolean areSpans) {
        lock.lock();
        try {
            if (areSpans) {
                spansSent += n;
            } else {
                logsSent += n;
            }
            if (away) {
                away = false;
                reporter.accept("OTLP: " + endpoint + " takes requests again; sending what was kept");
            }
        } finally {
            lock.unlock();
        }
    }

    private void goneAway(Failure failure) {
        lock.lock();
        try {
            if (firstFailure.isEmpty()) {
                firstFailure = failure.reason();
            }
            if (!away) {
                away = true;
                reporter.accept("OTLP: cannot send to " + endpoint + " (" + failure.reason() + "); keeping what it has not taken and "
                        + "trying again (up to " + (maxBytes >> 20) + " MiB)");
            }
        } finally {
            lock.unlock();
        }
    }

    private void failed(Failure failure, int n, boolean areSpans) {
        lock.lock();
        try {
            if (firstFailure.isEmpty()) {
                firstFailure = failure.reason();
                reporter.accept("OTLP: " + endpoint + " did not take " + n + (areSpans ? " spans" : " log records") + " (" + failure.reason()
                        + (failure.retryable() ? "; gave up at the end" : "") + ")");
            }
            unsent(areSpans ? n : 0, areSpans ? 0 : n);
        } finally {
            lock.unlock();
        }
    }

    private void unsent(long s, long l) {
        spansUnsent += s;
        logsUnsent += l;
    }
}
