package dev.sigil.monitor;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;

/**
 * Runs a {@link Tailer} on its own thread and posts what it reports, as actions, to an {@link ActionQueue}; can
 * switch to another file (the session picker). Following, it polls until stopped; otherwise it reads to the end,
 * posts {@link MonitorAction.EndOfInput} and ends.
 */
public final class TailFeed implements AutoCloseable {

    private final ActionQueue queue;
    private final Clock clock;
    private final TailOptions options;
    private final boolean follow;
    private Tailer tailer;
    private Thread thread;
    private volatile boolean stopping;
    private boolean closed;
    /**
     * Smaller decode groups than {@code sigil tail}'s: fewer entries alive at once under the dashboard's small heap, so
     * fewer of them outlive a young collection (measured: 61 full collections of a 1M-line backlog with 1 MiB groups,
     * 24 with 256 KiB; docs/benchmarks.md).
     */
    static final int DECODE_GROUP_BYTES = 256 << 10;

    public TailFeed(ActionQueue queue, Clock clock, Duration poll, int maxLineBytes, boolean follow) {
        this.queue = queue;
        this.clock = clock;
        this.options = TailOptions.defaults().withPollInterval(poll).withMaxLineBytes(maxLineBytes).withPartsFirst(true)
                .withEventsAhead(true).withDecodeGroupBytes(DECODE_GROUP_BYTES);
        this.follow = follow;
    }

    /** Starts reading the target's file (nothing once closed). */
    public synchronized void start(LogTarget target) {
        if (closed) {
            return;
        }
        if (Files.exists(target.file())) {
            queue.post(new MonitorAction.SourceOpened(target.shown()));
        }
        Tailer t = new Tailer(target.source(), options, this::onEvent);
        Thread th = new Thread(() -> {
            if (follow) {
                t.run();
            } else {
                t.readAll();
                queue.post(new MonitorAction.EndOfInput());
            }
        }, "sigil-monitor-tail");
        th.setDaemon(true);
        th.setUncaughtExceptionHandler((x, e) -> queue.post(new MonitorAction.Notice("reading stopped: " + e), () -> true));
        stopping = false;
        tailer = t;
        thread = th;
        th.start();
    }

    /**
     * Stops the current file and follows the log of session {@code id} from its start (nothing once closed). Waits for
     * the old reader to end: call it off the render thread.
     */
    public synchronized void switchTo(String id, LogTarget target) {
        if (closed) {
            return;
        }
        stop();
        queue.post(new MonitorAction.SessionSwitched(id, target.shown()));
        start(target);
    }

    private void onEvent(TailEvent event) {
        long now = clock.millis();
        for (MonitorAction a : TailActions.of(event, now)) {
            if (stopping || !queue.post(a, () -> stopping)) {
                return; // this file is no longer followed
            }
        }
    }

    /** Stops reading and waits for the reader thread to end. */
    public synchronized void stop() {
        if (tailer == null) {
            return;
        }
        stopping = true;
        tailer.stop();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tailer.close();
        tailer = null;
        thread = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
