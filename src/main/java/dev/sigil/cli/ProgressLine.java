package dev.sigil.cli;

import java.io.PrintWriter;

/**
 * A single self-overwriting progress line on stderr for long work: shown only when stderr is a terminal and the
 * input is large, updated at most twice a second, erased before anything else is printed.
 */
final class ProgressLine {

    private static final long LARGE_INPUT = 64L * 1024 * 1024;
    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final String name;
    private final long total;
    private long lastShown = System.nanoTime();
    private boolean visible;

    ProgressLine(PrintWriter err, boolean terminal, String name, long total) {
        this.err = err;
        this.enabled = terminal && (total < 0 || total >= LARGE_INPUT);
        this.name = name;
        this.total = total;
    }

    void update(long bytes) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        String text = total > 0
                ? String.format("%s: %d%% (%,d of %,d MB)", name, Math.min(100, bytes * 100 / total), bytes >> 20, total >> 20)
                : String.format("%s: %,d MB", name, bytes >> 20);
        err.print("\r" + text + "\033[K");
        err.flush();
        visible = true;
    }

    void clear() {
        if (visible) {
            err.print("\r\033[K");
            err.flush();
            visible = false;
        }
    }
}
