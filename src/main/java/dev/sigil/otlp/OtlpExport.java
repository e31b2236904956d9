package dev.sigil.otlp;

import java.time.Duration;

/**
 * An open export to a collector: spans, records and calls go in without blocking (a full queue drops and counts,
 * never waits); a thread of its own sends them in batches and retries with back-off while the collector is away.
 */
public interface OtlpExport extends TelemetrySink, AutoCloseable {

    /** The counts so far. */
    ExportCounts counts();

    /**
     * Sends what is still queued, waiting at most {@code deadline} for the collector, then stops; what could not be
     * sent by then is counted unsent. Idempotent: later calls return the same counts.
     */
    ExportCounts close(Duration deadline);

    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }
}
