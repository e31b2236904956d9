package dev.sigil.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.EventFilter;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.Status;
import dev.sigil.spend.Prices;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;
import dev.sigil.text.TerminalText;

/**
 * The stream and minimal displays: what the documented Python monitor prints (seed 001 §4.3), every event of every
 * batch (the seed prints only a batch's last), byte for byte when stdout is not a terminal. Problems with the log go
 * to stderr, one line each, so that stdout stays exactly Python's. Runs the tailer on the calling thread.
 */
public final class StreamMonitor {

    private final MonitorOptions options;
    private final OutputStream out;
    private final PrintWriter err;
    private final Clock clock;
    private final PythonMonitorText text;
    private MonitorState state;
    private boolean problems;
    private boolean found;
    private boolean done;
    private Tailer tailer;
    /** A write of the clock's thread that failed, given to the caller when the reader has stopped. */
    private volatile RuntimeException outputFailure;

    /** A monitor that prices nothing (every token unpriced): for tests that do not look at cost. */
    public StreamMonitor(MonitorOptions options, OutputStream out, PrintWriter err, Clock clock) {
        this(options, out, err, clock, Prices.NONE);
    }

    /** A monitor pricing lines with {@code prices} (the summary lines show the cost when a line names a model). */
    public StreamMonitor(MonitorOptions options, OutputStream out, PrintWriter err, Clock clock, Prices prices) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.text = options.terminal() ? PythonMonitorText.forTerminal() : PythonMonitorText.raw();
        this.state = MonitorState.initial(options.target().shown(), options.follow(), options.component(), options.minLevel(), prices);
    }

    private AlertFeed alerts = AlertFeed.NONE;

    /** The alert rules evaluated on the lines read: each alert a line after the batch's (docs/alerts.md §5). */
    public StreamMonitor alerts(AlertFeed feed) {
        this.alerts = feed;
        return this;
    }

    /** Runs until the session ends (following) or the file is read (not following); returns whether lines were bad. */
    public boolean run() {
        LogTarget target = options.target();
        write(text.header(target.session()));
        if (Files.exists(target.file())) {
            found = true;
            write(text.found(target.shown()));
        }
        flush();
        TailOptions tailOptions = TailOptions.defaults().withPollInterval(options.refresh()).withMaxLineBytes(options.maxLineBytes())
                .withPartsFirst(true).withEventsAhead(true);
        try (Tailer t = new Tailer(target.sources(), tailOptions, this::onEvent, null, options.formats())) {
            tailer = t;
            if (options.follow()) {
                Thread onCtrlC = new Thread(this::stopped, "sigil-monitor-stopped");
                Runtime.getRuntime().addShutdownHook(onCtrlC);
                ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread th = new Thread(r, "sigil-monitor-clock");
                    th.setDaemon(true);
                    return th;
                });
                ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
                try {
                    t.run();
                    if (outputFailure != null) {
                        throw outputFailure;
                    }
                } finally {
                    ticker.shutdownNow();
                    // also when a write failed: the hook must not write to that output again at exit
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                }
            } else {
                t.readAll();
                state = Reducer.reduce(state, new MonitorAction.EndOfInput());
                if (options.mode() == MonitorOptions.Mode.MINIMAL && state.session().eventCount() > 0) {
                    write(text.minimalLine(state.session())); // one read of the whole file: one line, as in Python
                }
                finish();
            }
        }
        flush();
        return problems;
    }

    /**
     * The clock, while following: a session with no new line for a minute is incomplete (the dashboard's rule); say
     * so once, with its figures so far, and go on waiting (a slow step may still end).
     */
    private synchronized void tick() {
        if (done) {
            return;
        }
        Status before = state.session().status();
        state = Reducer.reduce(state, new MonitorAction.Tick(clock.millis(), 0));
        if (before == Status.RUNNING && state.session().status() == Status.INCOMPLETE) {
            try {
                finish();
                flush();
            } catch (RuntimeException e) {
                outputFailure = e; // the output is gone: the reader ends, and run() gives the failure to the command
                tailer.stop();
            }
        }
    }

    private synchronized void onEvent(TailEvent event) {
        if (done) {
            return; // the session ended: like the documented monitor, nothing after the summary
        }
        List<String> fired = List.of();
        if (event instanceof TailEvent.Lines lines) {
            if (!found) {
                // a monitor started while the writer rotated: the name was missing, and the parts it finds once the new
                // file appears come before the change that says so; the log was found all the same, before its lines
                found = true;
                write(text.found(options.target().shown()));
            }
            for (TailEntry e : lines.entries()) {
                if (e.invalidUtf8()) {
                    report(lines.source() + ":" + e.line() + ": invalid UTF-8, replaced by U+FFFD");
                }
            }
            fired = alerts.lines(lines.source(), lines.entries());
        } else if (event instanceof TailEvent.Skipped s) {
            report(s.source() + ":" + s.line() + ": skipped, " + s.reason().description() + (s.detail().isEmpty() ? "" : ": " + s.detail()));
            fired = alerts.skipped(s.source(), s.line(), s.reason());
        } else if (event instanceof TailEvent.FileChanged c) {
            if (c.change() == TailEvent.Change.APPEARED && !found) {
                found = true;
                write(text.found(options.target().shown()));
            }
            err.println("sigil monitor: " + TerminalText.visible(c.source() + ": " + c.change().name().toLowerCase(java.util.Locale.ROOT)
                    + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")")));
            err.flush();
        }
        for (MonitorAction a : TailActions.of(event, clock.millis())) {
            state = Reducer.reduce(state, a);
            if (a instanceof MonitorAction.LinesAppended appended) {
                print(appended);
            }
        }
        for (String alert : fired) {
            write("ALERT " + (options.terminal() ? TerminalText.visible(alert) : alert) + "\n");
        }
        if (options.follow()) {
            flush();
            if (state.session().status().isFinished()) {
                finish(); // the documented monitor stops at the end of the session
                done = true;
                tailer.stop();
            }
        }
    }

    private void print(MonitorAction.LinesAppended appended) {
        if (options.mode() == MonitorOptions.Mode.STREAM) {
            for (LogEvent e : appended.events()) {
                if (shown(e)) {
                    write(text.streamLine(e));
                }
            }
        } else if (options.mode() == MonitorOptions.Mode.MINIMAL && options.follow() && !appended.events().isEmpty()) {
            write(text.minimalLine(state.session()));
        }
    }

    private boolean shown(LogEvent e) {
        if (e.level().compareTo(options.minLevel()) < 0) {
            return false;
        }
        return EventFilter.componentMatches(options.component(), e.component(), e.contractComponent());
    }

    /** The final summary of a session that ended; the incomplete one, with the figures so far, of one that stopped. */
    private void finish() {
        SessionStats s = state.session();
        if (s.status().isFinished()) {
            write(text.finalSummary(options.target().session(), s, s.elapsedSeconds(null)));
        } else if (s.status() == Status.INCOMPLETE && s.eventCount() > 0) {
            write(text.incompleteSummary(options.target().session(), s, s.elapsedSeconds(null)));
        }
    }

    /** Ctrl-C while following: what the documented monitor prints on KeyboardInterrupt. */
    private void stopped() {
        try {
            write("\nMonitor stopped.\n");
            flush();
        } catch (RuntimeException e) {
            // the output is gone (a closed pipe) while the process exits: nothing is left to tell, and no one to tell
        }
    }

    private void report(String line) {
        problems = true;
        err.println("sigil monitor: " + TerminalText.visible(line)); // file names and parse details are text from outside
        err.flush();
    }

    private synchronized void write(String s) {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
