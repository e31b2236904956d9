package dev.sigil.otlp.receive;

import java.util.concurrent.atomic.AtomicLong;

/** What the receiver took and refused, counted as requests come. Thread-safe. */
public final class ReceiverCounts {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong spans = new AtomicLong();
    final AtomicLong logs = new AtomicLong();
    final AtomicLong entries = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong unauthorised = new AtomicLong();
    final AtomicLong tooLarge = new AtomicLong();
    final AtomicLong busy = new AtomicLong();

    public long requests() {
        return requests.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long entries() {
        return entries.get();
    }

    /** One line: requests, what they carried, what was written, and each kind of refusal. */
    public String describe(int sessions) {
        return plural(requests.get(), "request") + ": " + plural(spans.get(), "span") + " and " + plural(logs.get(), "log record") + ", "
                + plural(entries.get(), "entry", "entries") + " written to " + plural(sessions, "session") + "; refused: " + malformed.get()
                + " malformed, " + unauthorised.get() + " without the token, " + tooLarge.get() + " too large, " + busy.get()
                + " while the log was full";
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String more) {
        return n + " " + (n == 1 ? one : more);
    }
}
