package dev.sigil.monitor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.view.DashboardView;
import dev.sigil.monitor.view.Theme;
import dev.sigil.spend.Prices;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.buffer.DiffResult;
import dev.tamboui.layout.Rect;

/**
 * The dashboard's part of the launcher's AOT training run (ADR 0160, 0180): a log read as the dashboard reads it
 * (its end first, the backlog through the same feed, queue, coalescing and reducer) and drawn into buffers at the
 * sizes people use, then a few hundred idle ticks drawn as the render thread draws them, so that the cache holds the
 * classes and method profiles of the fold and of the 10 Hz render path (JEP 515) and a dashboard does not start in
 * the interpreter. No terminal: the frames go to memory only.
 */
public final class DashboardTraining {

    /** Idle ticks drawn after the log is read: enough calls for the render path's methods to be profiled. */
    static final int IDLE_TICKS = 400;

    private DashboardTraining() {
    }

    /** Reads {@code log} as a dashboard not following it does, drawing frames as it goes; returns the last state. */
    public static MonitorState train(Path log) {
        ActionQueue queue = new ActionQueue(DashboardMonitor.MAX_PENDING_EVENTS, DashboardMonitor.MAX_PENDING_BYTES);
        Clock clock = Clock.systemUTC();
        LogTarget target = new LogTarget(log, log.toString(), "training", log.toAbsolutePath().getParent(), null, LogTarget.Kind.PATH);
        MonitorState state = MonitorState.initial(target.shown(), false, "", Level.INFO, Prices.NONE);
        Frames frames = new Frames();
        try (TailFeed feed = new TailFeed(queue, clock, Duration.ofMillis(100), 1 << 20, false, FormatSet.builtIn())) {
            feed.start(target);
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean ended = false;
            while (!ended && System.nanoTime() < deadline) {
                List<MonitorAction> actions = queue.drain();
                for (MonitorAction a : actions) {
                    state = Reducer.update(state, a).state();
                    ended |= a instanceof MonitorAction.EndOfInput;
                }
                state = Reducer.update(state, tick(clock)).state();
                frames.draw(state);
                if (actions.isEmpty()) {
                    sleep();
                }
            }
        }
        for (int i = 0; i < IDLE_TICKS; i++) {
            state = Reducer.update(state, tick(clock)).state();
            frames.draw(state);
        }
        return state;
    }

    private static MonitorAction.Tick tick(Clock clock) {
        Instant now = clock.instant();
        return new MonitorAction.Tick(now.toEpochMilli(), 0);
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frames at 80x24 and 120x40, each drawn into a fresh buffer and compared with the one before, as TamboUI does. */
    private static final class Frames {
        private final DashboardView view = new DashboardView(Theme.colored());
        private final Rect[] sizes = {Rect.of(80, 24), Rect.of(120, 40)};
        private final Buffer[] last = {Buffer.empty(sizes[0]), Buffer.empty(sizes[1])};
        private final DiffResult diff = new DiffResult();

        void draw(MonitorState state) {
            for (int i = 0; i < sizes.length; i++) {
                Buffer next = Buffer.empty(sizes[i]);
                view.render(Reducer.reduce(state, new MonitorAction.Resize(sizes[i].width(), sizes[i].height())), sizes[i], next);
                diff.clear();
                last[i].diff(next, diff);
                last[i] = next;
            }
        }
    }
}
