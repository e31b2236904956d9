package dev.sigil.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in a test for something a real process, thread or file does: a condition looked at every 10 ms, never a
 * sleep that guesses how long it takes. No timing is asserted; the bound only turns a hang into a failure that says
 * what was awaited.
 */
public final class Await {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails after a minute naming {@code what}. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, what, MINUTE);
    }

    /** Returns once {@code condition} holds; fails after {@code bound} naming {@code what}. */
    public static void until(BooleanSupplier condition, String what, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + bound.toSeconds() + " s for " + what);
            }
            Thread.sleep(10);
        }
    }
}
