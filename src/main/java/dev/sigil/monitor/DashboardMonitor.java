package dev.sigil.monitor;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.sigil.layout.SessionId;
import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.view.DashboardApp;
import dev.sigil.monitor.view.Theme;
import dev.sigil.spend.Prices;

/**
 * The full-screen dashboard wired to a live log: a {@link TailFeed} thread feeds an {@link ActionQueue} that the
 * {@link DashboardApp} drains on its render thread; the dashboard's effects run on a third thread. After the screen closes, a finished session's final summary is
 * printed on the normal screen, as the documented monitor ends.
 */
public final class DashboardMonitor {

    /**
     * Log events that may wait for the render thread before the tailer is held back; a full queue asks the render
     * thread to take them at once (ADR 0045), so a small bound costs little speed and keeps the heap small.
     */
    static final int MAX_PENDING_EVENTS = 2_000;
    /**
     * The bound that holds whatever the lines' size: the events waiting for the render thread weigh at most this many
     * bytes (about 2,000 events of 300-byte lines reach the count first; a few 1 MiB messages reach this).
     */
    static final long MAX_PENDING_BYTES = 4L << 20;

    private final MonitorOptions options;
    private final LogLocator locator;
    private final Clock clock;
    private final Prices prices;

    /** A monitor that prices nothing (every token unpriced): for tests that do not look at cost. */
    public DashboardMonitor(MonitorOptions options, LogLocator locator, Clock clock) {
        this(options, locator, clock, Prices.NONE);
    }

    /** A monitor pricing lines with {@code prices}. */
    public DashboardMonitor(MonitorOptions options, LogLocator locator, Clock clock, Prices prices) {
        this.prices = prices;
        this.options = options;
        this.locator = locator;
        this.clock = clock;
    }

    /** Runs until the user quits; returns the last state. */
    public MonitorState run(OutputStream out) throws Exception {
        return run(out, new CompletableFuture<>(), Duration.ZERO);
    }

    /**
     * Runs until the user quits, or until {@code closeWhen} has completed and {@code linger} has passed (time for the
     * last lines to be read and seen: {@code sigil orchestrate --monitor} closes the screen when the pipeline ends).
     */
    public MonitorState run(OutputStream out, CompletionStage<?> closeWhen, Duration linger) throws Exception {
        ActionQueue queue = new ActionQueue(MAX_PENDING_EVENTS, MAX_PENDING_BYTES);
        closeWhen.whenComplete((result, failure) -> CompletableFuture.delayedExecutor(linger.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> queue.post(new MonitorAction.Key(MonitorAction.Command.QUIT))));
        Theme theme = options.color() ? Theme.colored() : Theme.mono();
        LogTarget target = options.target();
        MonitorState initial = MonitorState.initial(target.shown(), options.follow(), options.component(), options.minLevel(), prices);
        MonitorState last;
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sigil-monitor-effects");
            t.setDaemon(true);
            return t;
        });
        try (TailFeed feed = new TailFeed(queue, clock, options.refresh(), options.maxLineBytes(), options.follow(), options.formats())) {
            feed.start(target);
            DashboardApp app = new DashboardApp(initial, queue::drain, effects(feed, queue, background), clock, theme, options.display())
                    .takeBacklogWith(queue::onFull);
            try {
                last = app.run(DashboardApp.config(options.refresh(), theme).build());
            } finally {
                background.shutdownNow(); // a switch still queued is not wanted any more; the feed refuses it once closed
            }
        }
        SessionStats s = last.session();
        if (s.status().isFinished()) {
            String id = s.sessionId().isEmpty() ? target.session() : s.sessionId();
            out.write(PythonMonitorText.forTerminal().finalSummary(id, s, s.elapsedSeconds(null)).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        return last;
    }

    /**
     * The dashboard's effects, carried out on a thread of their own in the order asked: listing the sessions reads a
     * directory, and following another one waits for the old reader to stop; neither may hold up a frame.
     */
    private DashboardApp.Effects effects(TailFeed feed, ActionQueue queue, ExecutorService background) {
        return new DashboardApp.Effects() {
            @Override
            public void listSessions() {
                background.execute(() -> queue.post(new MonitorAction.SessionsListed(locator.sessions())));
            }

            @Override
            public void follow(String sessionId) {
                background.execute(() -> feed.switchTo(sessionId, locator.session(SessionId.of(sessionId))));
            }
        };
    }
}
