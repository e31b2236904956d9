package dev.sigil.monitor.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import dev.sigil.monitor.state.Effect;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.Update;
import dev.tamboui.layout.Rect;
import dev.tamboui.terminal.Frame;
import dev.tamboui.tui.TuiConfig;
import dev.tamboui.tui.TuiRunner;
import dev.tamboui.tui.event.Event;
import dev.tamboui.tui.event.KeyEvent;
import dev.tamboui.tui.event.TickEvent;

/**
 * The render loop (GUIDE practice 7): everything happens on TamboUI's render thread. Actions from the tailer wait
 * in a queue ({@code pending}, already coalesced) and are reduced at each tick, or at once when the queue fills (a
 * backlog, ADR 0045); frames are drawn at most ten times a second, from the state alone; keys are reduced as they
 * come. The reducer returns the effects it asks for (quit, list the sessions for the picker, follow another session)
 * and they are carried out here; nothing that waits runs on the render thread: listing and following are handed to
 * {@link Effects}, whose answers come back as actions.
 */
public final class DashboardApp {

    /** What the dashboard may ask of the program around it; both return at once and answer later, as actions. */
    public interface Effects {
        /** List the sessions the picker offers, newest first; the answer comes as {@code SessionsListed}. */
        void listSessions();

        /** Follow another session from now on; the feed answers with {@code SessionSwitched}. */
        void follow(String sessionId);

        /** Read an event's whole entry from its log; the answer comes as {@code EntryRead}. */
        void readEntry(EventRow row);

        /** Read the history view's figures; post {@code HistoryLoaded}. */
        void loadHistory();

        /** Keep the fold of the whole log beside it (ADR 0165); nothing comes back. */
        default void keepFold(String checkpoint, dev.sigil.monitor.state.SavedFold fold) {
        }
    }

    /** The event that has the render thread take what waits and draw it now ({@link #showAtOnceWith}). */
    private static final Event SHOW = new Event() {
    };

    /** Fastest refresh: ten frames a second. */
    public static final Duration MIN_REFRESH = Duration.ofMillis(100);
    /**
     * While the backlog is folded and nothing but its progress and partial totals moves, a frame at most this often
     * (ADR 0286): each frame's drawing is CPU the fold shares two cores with.
     */
    static final long BACKLOG_FRAME_NANOS = 500_000_000L;

    private final Supplier<List<MonitorAction>> pending;
    private final Effects effects;
    private final Clock clock;
    private final DashboardView view;
    private MonitorState state;
    /** The state the last frame was drawn from. */
    private MonitorState drawn;
    /** What the clock showed in the last frame ({@link #clockText}), worked out once per frame, not once per tick. */
    private String drawnClock;
    /** When the last frame was drawn ({@link System#nanoTime}). */
    private long drawnAt;
    private java.util.function.Consumer<Runnable> backlog = r -> { };
    private java.util.function.Consumer<Runnable> atOnce = r -> { };
    /** The system terminal being opened since the command started, or null: opened by {@link #run} (ADR 0225). */
    private TerminalOpening opening;
    /** Whether the user left with the attached run going on ({@code d}). */
    private boolean detached;

    public DashboardApp(MonitorState initial, Supplier<List<MonitorAction>> pending, Effects effects, Clock clock, Theme theme) {
        this(initial, pending, effects, clock, theme, Display.DEFAULTS);
    }

    public DashboardApp(MonitorState initial, Supplier<List<MonitorAction>> pending, Effects effects, Clock clock, Theme theme,
                        Display display) {
        this.state = initial;
        this.pending = pending;
        this.effects = effects;
        this.clock = clock;
        this.view = new DashboardView(theme, display);
    }

    /**
     * The configuration for a real terminal: alternate screen, raw mode, hidden cursor, ticks at {@code refresh}; the
     * terminal itself ({@link DashboardTerminal}) is opened by {@link #run} unless a backend is given.
     */
    public static TuiConfig.Builder config(Duration refresh, Theme theme) {
        // TamboUI's poll timeout (40 ms) wakes the input thread 25 times a second, and the render thread twice between
        // two ticks, to find nothing; keys are read as they come whatever it is, and only quitting waits up to it for
        // the input thread to notice (ADR 0200).
        TuiConfig.Builder b = TuiConfig.builder().tickRate(refresh.compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : refresh)
                .pollTimeout(MIN_REFRESH);
        if (!theme.isColored()) {
            b.postRenderProcessor(new MonoFilter());
        }
        return b;
    }

    /**
     * The configuration of {@link #config} drawing on a terminal of 120x40 over two streams instead of the system's:
     * for the AOT cache's training run, which has no terminal (ADR 0200).
     */
    public static TuiConfig.Builder config(Duration refresh, Theme theme, java.io.InputStream keys, java.io.OutputStream screen)
            throws java.io.IOException {
        return config(refresh, theme).backend(DashboardTerminal.over(keys, screen, 120, 40));
    }

    /**
     * Lets the feed ask for its actions to be taken before the next tick: {@code registrar} receives a task that any
     * thread may run to have the render thread reduce what waits (ADR 0045). Frames are still drawn at most ten
     * times a second.
     */
    public DashboardApp takeBacklogWith(java.util.function.Consumer<Runnable> registrar) {
        this.backlog = registrar;
        return this;
    }

    /**
     * Lets the feed ask for a frame at once: {@code registrar} receives a task that any thread may run when what
     * waits should be on screen without waiting for the next tick (the log's end, read while the terminal was being
     * opened: the first frame, ADR 0200).
     */
    public DashboardApp showAtOnceWith(java.util.function.Consumer<Runnable> registrar) {
        this.atOnce = registrar;
        return this;
    }

    /**
     * Draws on the terminal {@code opening} opens (started before the dashboard, so that JLine's start overlaps the
     * command's own; ADR 0225) when the configuration given to {@link #run} names no backend.
     */
    public DashboardApp terminalFrom(TerminalOpening opening) {
        this.opening = opening;
        return this;
    }

    /**
     * Runs until the user quits; returns the last state. The terminal is restored when this returns or throws. The
     * first frame is drawn as soon as the terminal is open, with whatever the feed has posted by then (ADR 0200).
     */
    public MonitorState run(TuiConfig.Builder builder) throws Exception {
        Thread prepared = FirstFrame.prepare(view, state);
        TuiConfig config = builder.build();
        if (config.backend() == null) {
            config = builder.backend(opening != null ? opening.take() : DashboardTerminal.open(System.getenv("TERM"))).build();
        }
        try (TuiRunner runner = TuiRunner.create(config)) {
            backlog.accept(() -> runner.runLater(() -> takePending(runner)));
            atOnce.accept(() -> runner.dispatch(SHOW));
            takePending(runner);
            apply(tick(), runner);
            FirstFrame.await(prepared);
            runner.run(this::handle, this::render);
        }
        return state;
    }

    private void takePending(TuiRunner runner) {
        for (MonitorAction a : pending.get()) {
            apply(a, runner);
        }
    }

    /** Whether the screen was left with {@code d}: the attached run goes on. */
    public boolean detached() {
        return detached;
    }

    /** The state now (for tests and for the summary printed after the screen closes). */
    public MonitorState state() {
        return state;
    }

    boolean handle(Event event, TuiRunner runner) {
        MonitorState before = state;
        if (event instanceof KeyEvent key) {
            KeyMap.actionFor(key, state.ui().mode()).ifPresent(a -> apply(a, runner));
        } else if (event == SHOW) {
            takePending(runner);
        } else if (event instanceof TickEvent) {
            takePending(runner);
            apply(tick(), runner);
            if (showsTheSame(drawn, drawnClock, state)) {
                return false; // only the clock moved, and nothing on screen shows it: no frame (ADR 0045)
            }
            if (foldingSince(drawn, state) && System.nanoTime() - drawnAt < BACKLOG_FRAME_NANOS) {
                return false; // the backlog's progress, twice a second (ADR 0286)
            }
        }
        return state != before;
    }

    /**
     * Whether {@code next} draws the frame {@code last} drew ({@code lastClock} being its {@link #clockText}): the same
     * session, reader and screen state, and the same text in every place the clock shows through (the elapsed time,
     * the burn rate, the forecast).
     */
    static boolean showsTheSame(MonitorState last, String lastClock, MonitorState next) {
        return last != null && last.session() == next.session() && last.reader() == next.reader() && last.ui() == next.ui()
                && last.run() == next.run() && last.views() == next.views() && last.backlog() == next.backlog()
                && last.idleMillis() == next.idleMillis() && (clockStill(last, next) || lastClock.equals(clockText(next)));
    }

    /**
     * Whether {@code next} differs from the frame {@code last} drew only by the backlog's fold: both while it is
     * folded, the same screen state (keys, size, overlays) and the same views.
     */
    static boolean foldingSince(MonitorState last, MonitorState next) {
        return last != null && last.backlog().pending() && next.backlog().pending() && last.ui() == next.ui()
                && last.views() == next.views() && last.run() == next.run();
    }

    /**
     * Whether nothing the clock shows through can have moved: a session that is not running neither ages nor burns
     * (its elapsed time is up to its end or its newest line), so an idle tick of a finished session formats nothing.
     */
    private static boolean clockStill(MonitorState last, MonitorState next) {
        return next.session().status() != dev.sigil.monitor.state.Status.RUNNING && offset(last) == offset(next);
    }

    private static int offset(MonitorState s) {
        return s.clock() == null ? 0 : s.clock().utcOffsetSeconds();
    }

    static String clockText(MonitorState s) {
        SessionStats x = s.session();
        int offset = offset(s);
        return Labels.duration(x.elapsedSeconds(s.clock())) + '|' + Labels.rate(x.burnRate(s.clock())) + '|'
                + Labels.forecast(x.secondsToExhaustion(s.clock()), x.status()) + '|' + offset;
    }

    void render(Frame frame) {
        Rect area = frame.area();
        if (area.width() != state.ui().width() || area.height() != state.ui().height()) {
            state = Reducer.reduce(state, new MonitorAction.Resize(area.width(), area.height()));
        }
        view.render(state, area, frame.buffer());
        drawnAt = System.nanoTime();
        drawn = state;
        drawnClock = clockText(state);
    }

    private void apply(MonitorAction action, TuiRunner runner) {
        Update update = Reducer.update(state, action);
        state = update.state();
        for (Effect effect : update.effects()) {
            if (effect instanceof Effect.Quit) {
                runner.quit();
            } else if (effect instanceof Effect.Detach) {
                detached = true;
                runner.quit();
            } else if (effect instanceof Effect.ReadEntry read) {
                effects.readEntry(read.row());
            } else if (effect instanceof Effect.ListSessions) {
                effects.listSessions();
            } else if (effect instanceof Effect.Follow follow) {
                effects.follow(follow.sessionId());
            } else if (effect instanceof Effect.LoadHistory) {
                effects.loadHistory();
            } else if (effect instanceof Effect.KeepFold keep) {
                effects.keepFold(keep.checkpoint(), keep.fold());
            }
        }
    }

    private MonitorAction.Tick tick() {
        Instant now = clock.instant();
        return new MonitorAction.Tick(now.toEpochMilli(), clock.getZone().getRules().getOffset(now).getTotalSeconds());
    }
}
