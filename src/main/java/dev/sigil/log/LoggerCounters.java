package dev.sigil.log;

import java.util.concurrent.atomic.AtomicLong;

/** The live counts behind {@link LoggerStats}: {@code dropped} is counted by callers, the rest by the writer thread. */
final class LoggerCounters {

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong unwritten = new AtomicLong();
    final AtomicLong unconfirmed = new AtomicLong();
    final AtomicLong rotations = new AtomicLong();
    final AtomicLong errorRecordsLost = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();

    LoggerStats snapshot() {
        return new LoggerStats(accepted.get(), written.get(), rejected.get(), dropped.get(), unwritten.get(), unconfirmed.get(), rotations.get(),
                errorRecordsLost.get(), deleted.get());
    }
}
