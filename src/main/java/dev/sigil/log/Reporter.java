package dev.sigil.log;

import java.io.PrintStream;

/**
 * Where the logger tells a human that something went wrong (a full disk, a rejected entry, entries lost at close).
 * One line per call. The log itself cannot carry these messages: it may be what is failing.
 */
@FunctionalInterface
public interface Reporter {

    void report(String message);

    /** Lines on standard error, prefixed with {@code sigil: }. */
    static Reporter stderr() {
        return stream(System.err);
    }

    static Reporter stream(PrintStream out) {
        return message -> {
            out.println("sigil: " + message);
            out.flush();
        };
    }
}
