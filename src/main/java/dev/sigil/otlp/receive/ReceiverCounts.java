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
        return requests.get() + " requests: " + spans.get() + " spans and " + logs.get() + " log records, " + entries.get()
                + " entries written to " + sessions + (sessions == 1 ? " session" : " sessions") + "; refused: " + malformed.get()
                + " malformed, " + unauthorised.get() + " without the token, " + tooLarge.get() + " too large, " + busy.get()
                + " while the log was full";
    }
}
