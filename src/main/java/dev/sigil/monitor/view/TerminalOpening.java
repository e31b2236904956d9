package dev.sigil.monitor.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The system terminal opened on a thread of its own, from the moment the command knows it draws the dashboard
 * (ADR 0225). JLine's start (its providers, its native library, the terminal's description, for many terminals an
 * {@code infocmp} process, its signal handlers) took a third to a half of the main thread's way to the first frame,
 * after the command line, the configuration and the follower's start, which need none of it; on another core the two
 * overlap. Opening the terminal changes nothing on screen: raw mode, the alternate screen and the start-up question
 * come later, on the render thread's way in ({@link DashboardTerminal#enableRawMode}).
 * <p>
 * Whoever starts an opening closes it ({@link #close}): a terminal nobody took (the command failed before the
 * dashboard started) is closed there; one taken belongs to the dashboard, which closes it when it ends.
 */
public final class TerminalOpening implements AutoCloseable {

    private final FutureTask<DashboardTerminal> opening;
    private boolean taken;

    private TerminalOpening(FutureTask<DashboardTerminal> opening) {
        this.opening = opening;
    }

    /** Starts opening the system terminal, of type {@code term} (the {@code TERM} variable, or null), on a daemon thread. */
    public static TerminalOpening start(String term) {
        FutureTask<DashboardTerminal> task = new FutureTask<>(() -> DashboardTerminal.open(term));
        Thread t = new Thread(task, "sigil-monitor-terminal");
        t.setDaemon(true);
        t.start();
        return new TerminalOpening(task);
    }

    /** The terminal, once open (waiting for it); it fails as {@link DashboardTerminal#open} would have. */
    DashboardTerminal take() throws IOException {
        taken = true;
        return await();
    }

    private DashboardTerminal await() throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return opening.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the terminal must be had (or closed) whatever happens meanwhile
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the terminal if the dashboard never took it (a failure to open is not reported twice). */
    @Override
    public void close() {
        if (taken) {
            return;
        }
        taken = true;
        try {
            await().close();
        } catch (IOException | RuntimeException failed) {
            // it never opened, or closing an unused terminal failed: nothing was shown, nothing to restore
        }
    }
}
