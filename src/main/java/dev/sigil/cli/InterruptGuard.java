package dev.sigil.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM start the JVM's shutdown, which does not wait for the program's threads. While a pipeline
 * runs, this guard's shutdown hook interrupts the pipeline's thread and waits (up to five seconds) until the run has
 * written {@code session_error} "interrupted", closed its log and printed its summary; only then may the JVM exit
 * (with 130 for SIGINT, 143 for SIGTERM). If the run does not finish in time, the hook closes the log itself.
 */
final class InterruptGuard implements AutoCloseable {

    private static final long WAIT_SECONDS = 5;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    InterruptGuard(Thread worker, Runnable closeLog) {
        this.hook = new Thread(() -> {
            worker.interrupt();
            try {
                if (!finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    closeLog.run();
                }
            } catch (InterruptedException e) {
                closeLog.run();
            }
        }, "sigil-orchestrate-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run has ended and reported: the JVM may exit. */
    void finished() {
        finished.countDown();
    }

    @Override
    public void close() {
        finished();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now; it has been released by finished()
        }
    }
}
