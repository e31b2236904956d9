package dev.sigil.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.DashboardMonitor;
import dev.sigil.monitor.LogLocator;
import dev.sigil.monitor.MonitorOptions;
import dev.sigil.monitor.view.Display;
import dev.sigil.tail.TailOptions;

/**
 * The dashboard in the AOT cache's training run (ADR 0200): its first frames and a second of idle ticks on the log,
 * drawn on a terminal of streams (the training has none), so that the monitor's cache holds the classes of the
 * dashboard's start (TamboUI, JLine, the view, the recorder's metadata) instead of reading them from the jar at every
 * start. The keys answer the terminal's start-up question at once, then quit.
 */
final class TrainingDashboard {

    /** How long the dashboard runs before the training's {@code q}. */
    private static final long RUN_MILLIS = 1500;

    private TrainingDashboard() {
    }

    /** Runs the dashboard on {@code log}, drawing on {@code screen}, until the training's {@code q}. */
    static void run(String log, OutputStream screen) {
        Path file = Path.of(log).toAbsolutePath();
        LogLocator locator = new LogLocator(file.getParent().toString());
        MonitorOptions options = new MonitorOptions(locator.path(file.toString()), MonitorOptions.Mode.DASHBOARD, "", Level.INFO,
                Duration.ofMillis(100), true, true, true, TailOptions.DEFAULT_MAX_LINE_BYTES, Display.DEFAULTS);
        try {
            new DashboardMonitor(options, locator, Clock.systemDefaultZone()).drawingOn(new Keys(), screen)
                    .run(OutputStream.nullOutputStream());
        } catch (Exception e) {
            // a training that went wrong leaves a smaller cache, never a failed start
        }
    }

    /** The answer of a terminal that knows no mode 2027, then {@code q} after {@link #RUN_MILLIS}, then nothing. */
    private static final class Keys extends InputStream {
        private final byte[] answer = "\033[?1;2c".getBytes(StandardCharsets.US_ASCII);
        private int next;
        private boolean quit;

        @Override
        public int read() {
            if (next < answer.length) {
                return answer[next++];
            }
            try {
                Thread.sleep(quit ? Long.MAX_VALUE : RUN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            quit = true;
            return 'q';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            // one at a time: the default would wait for more after the answer
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }
}
