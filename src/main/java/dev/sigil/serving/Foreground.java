package dev.sigil.serving;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Serves until the calling thread is interrupted or the JVM shuts down (Ctrl-C, SIGTERM), then stops the server and
 * tells {@code stopped} what it did, once, whichever came first. On a shutdown the JVM's hook does it, and the JVM waits
 * for its hook, so the line is printed before the process ends.
 */
public final class Foreground {

    private Foreground() {
    }

    /**
     * @param port the port the server listens on, told to {@code listening} once the hook is in place
     * @param stop stops the server
     * @param counts what it did, read after it stopped
     */
    public static void serve(int port, Runnable stop, Supplier<String> counts, IntConsumer listening, Consumer<String> stopped) {
        CountDownLatch shutDown = new CountDownLatch(1);
        Object lock = new Object();
        boolean[] told = {false};
        Runnable once = () -> {
            synchronized (lock) { // the hook and an interrupted caller may both get here: once, and neither returns before
                if (!told[0]) {
                    told[0] = true;
                    stop.run();
                    stopped.accept(counts.get());
                }
            }
        };
        Thread hook = new Thread(() -> {
            once.run();
            shutDown.countDown();
        }, "sigil-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        listening.accept(port);
        try {
            shutDown.await();
        } catch (InterruptedException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook stops it
            }
            once.run();
        }
    }
}
