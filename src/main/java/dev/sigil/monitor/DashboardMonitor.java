package dev.sigil.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.sigil.layout.LogLayout;
import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.view.DashboardApp;
import dev.sigil.monitor.view.TerminalOpening;
import dev.sigil.monitor.view.Theme;
import dev.sigil.report.ReportReader;
import dev.sigil.spend.Prices;

/**
 * The full-screen dashboard wired to a live log: a {@link TailFeed} thread feeds an {@link ActionQueue} that the
 * {@link DashboardApp} drains on its render thread; the dashboard's effects run on a third thread. A dashboard of
 * its own ({@code sigil monitor}) prints a finished session's final summary on the normal screen after it closes, as
 * the documented monitor ends; one attached to a run ({@link Attach}) leaves that to the run, whose summary is its
 * own session's whichever session was shown last.
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

    /** After the run ends, how long {@code --exit-when-done} leaves the last lines on screen before it closes. */
    public static final Duration LINGER = Duration.ofMillis(1500);

    /**
     * The run a dashboard is attached to ({@code sigil orchestrate --monitor}).
     *
     * @param done completes when the run has ended
     * @param exitWhenDone close the screen by itself {@link #LINGER} after the run ends (for scripts); otherwise it
     *        stays until the user leaves
     */
    public record Attach(CompletionStage<?> done, boolean exitWhenDone) {
    }

    /**
     * How the screen closed.
     *
     * @param last the state it showed last
     * @param detached whether the user left with {@code d}, the attached run going on
     */
    public record Outcome(MonitorState last, boolean detached) {
    }

    private final MonitorOptions options;
    private final SessionSource sessions;
    private final Clock clock;
    private final Prices prices;
    /** Whether the picker opens at once (a server named without a session). */
    private boolean pickFirst;
    private AlertFeed alerts = AlertFeed.NONE;
    /** How the history view reads the totals kept beside the logs. */
    private final ReportReader.Caching caching;
    /** The log directory whose history the history view shows; null for a remote session. */
    private final LogLayout historyRoot;
    /** Where the dashboard draws when not on the system terminal ({@link #drawingOn}); null for the system's. */
    private java.io.InputStream keys;
    private OutputStream screen;
    /** The system terminal being opened meanwhile ({@link #terminalFrom}), or null: opened when the dashboard starts. */
    private TerminalOpening opening;
    /** The log followed now (the picker may switch it), for reading an entry back. */
    private volatile LogTarget following;

    /** A monitor that prices nothing (every token unpriced): for tests that do not look at cost. */
    public DashboardMonitor(MonitorOptions options, LogLocator locator, Clock clock) {
        this(options, locator, clock, Prices.NONE);
    }

    /** A monitor pricing lines with {@code prices}; its history view reads every log (no kept totals). */
    public DashboardMonitor(MonitorOptions options, LogLocator locator, Clock clock, Prices prices) {
        this(options, locator, clock, prices, ReportReader.Caching.OFF);
    }

    /** A monitor pricing lines with {@code prices}, its history view reading the totals kept as {@code caching} says. */
    public DashboardMonitor(MonitorOptions options, LogLocator locator, Clock clock, Prices prices, ReportReader.Caching caching) {
        this(options, SessionSource.of(locator), clock, prices, locator.layout(), caching);
    }

    /** A monitor whose picker offers the sessions of {@code sessions} (a server's, for a remote session). */
    public DashboardMonitor(MonitorOptions options, SessionSource sessions, Clock clock, Prices prices) {
        this(options, sessions, clock, prices, null, ReportReader.Caching.OFF);
    }

    private DashboardMonitor(MonitorOptions options, SessionSource sessions, Clock clock, Prices prices, LogLayout historyRoot,
                             ReportReader.Caching caching) {
        this.historyRoot = historyRoot;
        this.caching = caching;
        this.prices = prices;
        this.options = options;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The same monitor, its session picker open on the first frame. */
    public DashboardMonitor pickingFirst() {
        pickFirst = true;
        return this;
    }

    /**
     * The same monitor drawing on a terminal over {@code keys} and {@code screen} instead of the system's: for the
     * AOT cache's training run, which has no terminal (ADR 0200).
     */
    public DashboardMonitor drawingOn(java.io.InputStream keys, OutputStream screen) {
        this.keys = keys;
        this.screen = screen;
        return this;
    }

    /**
     * The same monitor drawing on the terminal {@code opening} opens, started by the command as soon as it knew it
     * shows the dashboard (ADR 0225); the caller closes {@code opening}, which leaves a terminal taken alone.
     */
    public DashboardMonitor terminalFrom(TerminalOpening opening) {
        this.opening = opening;
        return this;
    }

    /** The alert rules evaluated on the lines read: each alert a notice (docs/alerts.md §5). */
    public DashboardMonitor alerts(AlertFeed feed) {
        this.alerts = feed;
        return this;
    }

    /** Runs until the user quits, then prints the final summary of the session shown if it ended. */
    public MonitorState run(OutputStream out) throws Exception {
        MonitorState last = show(null).last();
        SessionStats s = last.session();
        if (s.status().isFinished()) {
            String id = s.sessionId().isEmpty() ? following.session() : s.sessionId();
            write(out, PythonMonitorText.forTerminal().finalSummary(id, s, s.elapsedSeconds(null)));
        }
        return last;
    }

    /** Runs attached to a run, until the user leaves (or the run ended, with {@link Attach#exitWhenDone}). */
    public Outcome run(Attach attach) throws Exception {
        return show(attach);
    }

    private Outcome show(Attach attach) throws Exception {
        ActionQueue queue = new ActionQueue(MAX_PENDING_EVENTS, MAX_PENDING_BYTES);
        Theme theme = options.color() ? Theme.colored() : Theme.mono();
        following = options.target();
        MonitorState initial = MonitorState.initial(following.shown(), options.follow(), options.component(), options.minLevel(), prices);
        if (attach != null) {
            initial = initial.attachedToRun();
            attach.done().whenComplete((result, failure) -> {
                queue.post(new MonitorAction.RunEnded());
                if (attach.exitWhenDone()) {
                    CompletableFuture.delayedExecutor(LINGER.toMillis(), TimeUnit.MILLISECONDS)
                            .execute(() -> queue.post(new MonitorAction.Key(MonitorAction.Command.QUIT)));
                }
            });
        }
        sessions.notices(text -> queue.post(new MonitorAction.Notice(text)));
        if (pickFirst) {
            queue.post(new MonitorAction.Key(MonitorAction.Command.PICK_SESSION));
        }
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sigil-monitor-effects");
            t.setDaemon(true);
            return t;
        });
        try (TailFeed feed = new TailFeed(queue, clock, options.refresh(), options.maxLineBytes(), options.follow(), options.formats())) {
            feed.alerts(alerts).pricing(prices).start(following);
            DashboardApp app = new DashboardApp(initial, queue::drain, effects(feed, queue, background), clock, theme, options.display())
                    .takeBacklogWith(queue::onFull).showAtOnceWith(queue::onFirstContent).terminalFrom(opening);
            try {
                MonitorState last = app.run(keys == null ? DashboardApp.config(options.refresh(), theme)
                        : DashboardApp.config(options.refresh(), theme, keys, screen));
                return new Outcome(last, app.detached());
            } finally {
                background.shutdownNow(); // a switch still queued is not wanted any more; the feed refuses it once closed
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * The dashboard's effects, carried out on a thread of their own in the order asked: listing the sessions reads
     * directories and logs, following another one waits for the old reader to stop, an entry is read from its file;
     * none may hold up a frame.
     */
    private DashboardApp.Effects effects(TailFeed feed, ActionQueue queue, ExecutorService background) {
        return new DashboardApp.Effects() {
            @Override
            public void listSessions() {
                background.execute(() -> sessions.list(clock.millis(), listed -> queue.post(new MonitorAction.SessionsListed(listed))));
            }

            @Override
            public void follow(String sessionId) {
                background.execute(() -> {
                    LogTarget next = sessions.open(sessionId);
                    following = next;
                    feed.switchTo(sessionId, next);
                });
            }

            @Override
            public void loadHistory() {
                background.execute(() -> queue.post(new MonitorAction.HistoryLoaded(historyRoot == null
                        ? dev.sigil.monitor.state.History.failed("the history is of this machine's log directory; this dashboard follows a remote session")
                        : HistoryLoader.load(historyRoot, options.formats(), prices, caching, clock.instant(),
                                dev.sigil.contract.event.EventTime.parse(dev.sigil.contract.codec.PythonTimestamp.now(clock))))));
            }

            @Override
            public void keepFold(String checkpoint, dev.sigil.monitor.state.SavedFold fold) {
                background.execute(() -> feed.keep(checkpoint, fold));
            }

            @Override
            public void readEntry(EventRow row) {
                LogTarget from = following;
                background.execute(() -> queue.post(EntryReader.read(from, row, options.maxLineBytes())));
            }
        };
    }
}
