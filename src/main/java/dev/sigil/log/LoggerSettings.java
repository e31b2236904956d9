package dev.sigil.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.sigil.layout.LogDefaults;
import dev.sigil.layout.SigilHome;
import dev.sigil.log.sanitize.SanitizePattern;

/**
 * Everything the logger and the log maintenance need to know, immutable. The command line builds it from the
 * configuration; built without one (tests, embedding), the fields with a configuration key start from the seed's
 * defaults held in {@link LogDefaults}, and the last five, which have no key, from the constants below
 * (docs/logging.md explains each).
 *
 * @param logPath base directory ({@code logging.path}, default {@code ~/.sigil/logs})
 * @param bufferSizeBytes flush when the batch holds this many bytes ({@code buffer_size_bytes}, 4096)
 * @param flushInterval flush when the oldest entry of the batch has waited this long ({@code flush_interval_seconds}, 0.1)
 * @param maxBatchEntries flush when the batch holds this many entries ({@code max_batch_size}, 100)
 * @param fsync fsync the log after every flush (default on)
 * @param maxFileSizeBytes rotate a session log before it would grow past this size ({@code max_file_size_mb}, 10 MiB)
 * @param retentionDays archive sessions idle for longer ({@code retention_days}, 7)
 * @param archiveRetentionDays remove archives older than this ({@code archive_retention_days}, 30)
 * @param sanitize redact secrets before writing ({@code sanitize_logs}, on)
 * @param extraPatterns more patterns to redact ({@code additional_patterns})
 * @param queueCapacity entries waiting for the writer thread, at most (8192)
 * @param queueBytes what the entries waiting for the writer thread that weigh 4 KiB or more hold in memory, at most
 *        (32 MiB, by {@code EntryWeight}); an entry larger than this still goes into a queue that holds none
 * @param queueFullWait how long a caller waits for room in a full queue before the entry is counted as dropped (50 ms)
 * @param maxRetainedBytes encoded entries kept in memory while the disk refuses writes (4 MiB)
 * @param closeTimeout how long close (and the shutdown hook) waits for the writer to finish (2 s)
 */
public record LoggerSettings(
        Path logPath,
        int bufferSizeBytes,
        Duration flushInterval,
        int maxBatchEntries,
        boolean fsync,
        long maxFileSizeBytes,
        int retentionDays,
        int archiveRetentionDays,
        boolean sanitize,
        List<SanitizePattern> extraPatterns,
        int queueCapacity,
        long queueBytes,
        Duration queueFullWait,
        long maxRetainedBytes,
        Duration closeTimeout) {

    public static final int DEFAULT_QUEUE_CAPACITY = 8192;
    public static final long DEFAULT_QUEUE_BYTES = 32L << 20;
    public static final Duration DEFAULT_QUEUE_FULL_WAIT = Duration.ofMillis(50);
    public static final long DEFAULT_MAX_RETAINED_BYTES = 4L * 1024 * 1024;
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(2);

    public LoggerSettings {
        Objects.requireNonNull(logPath, "logPath");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(queueFullWait, "queueFullWait");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        extraPatterns = List.copyOf(Objects.requireNonNull(extraPatterns, "extraPatterns"));
        positive("buffer size", bufferSizeBytes);
        positive("max batch entries", maxBatchEntries);
        positive("max file size", maxFileSizeBytes);
        positive("retention days", retentionDays);
        positive("archive retention days", archiveRetentionDays);
        positive("queue capacity", queueCapacity);
        positive("queue bytes", queueBytes);
        positive("max retained bytes", maxRetainedBytes);
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive: " + flushInterval);
        }
        if (queueFullWait.isNegative() || closeTimeout.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    /** The seed's defaults, with the log path under {@code user.home}. */
    public static LoggerSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.logPath = logPath;
        b.bufferSizeBytes = bufferSizeBytes;
        b.flushInterval = flushInterval;
        b.maxBatchEntries = maxBatchEntries;
        b.fsync = fsync;
        b.maxFileSizeBytes = maxFileSizeBytes;
        b.retentionDays = retentionDays;
        b.archiveRetentionDays = archiveRetentionDays;
        b.sanitize = sanitize;
        b.extraPatterns = extraPatterns;
        b.queueCapacity = queueCapacity;
        b.queueBytes = queueBytes;
        b.queueFullWait = queueFullWait;
        b.maxRetainedBytes = maxRetainedBytes;
        b.closeTimeout = closeTimeout;
        return b;
    }

    /** Builds settings from the defaults, changing what is set. */
    public static final class Builder {
        private Path logPath = new SigilHome(Path.of(System.getProperty("user.home"))).defaultLogRoot();
        private int bufferSizeBytes = LogDefaults.BUFFER_SIZE_BYTES;
        private Duration flushInterval = LogDefaults.FLUSH_INTERVAL;
        private int maxBatchEntries = LogDefaults.MAX_BATCH_ENTRIES;
        private boolean fsync = true;
        private long maxFileSizeBytes = LogDefaults.MAX_FILE_SIZE_BYTES;
        private int retentionDays = LogDefaults.RETENTION_DAYS;
        private int archiveRetentionDays = LogDefaults.ARCHIVE_RETENTION_DAYS;
        private boolean sanitize = LogDefaults.SANITIZE;
        private List<SanitizePattern> extraPatterns = List.of();
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private long queueBytes = DEFAULT_QUEUE_BYTES;
        private Duration queueFullWait = DEFAULT_QUEUE_FULL_WAIT;
        private long maxRetainedBytes = DEFAULT_MAX_RETAINED_BYTES;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;

        private Builder() {
        }

        public Builder logPath(Path v) { logPath = v; return this; }
        public Builder bufferSizeBytes(int v) { bufferSizeBytes = v; return this; }
        public Builder flushInterval(Duration v) { flushInterval = v; return this; }
        public Builder maxBatchEntries(int v) { maxBatchEntries = v; return this; }
        public Builder fsync(boolean v) { fsync = v; return this; }
        public Builder maxFileSizeBytes(long v) { maxFileSizeBytes = v; return this; }
        public Builder retentionDays(int v) { retentionDays = v; return this; }
        public Builder archiveRetentionDays(int v) { archiveRetentionDays = v; return this; }
        public Builder sanitize(boolean v) { sanitize = v; return this; }
        public Builder extraPatterns(List<SanitizePattern> v) { extraPatterns = v; return this; }
        public Builder queueCapacity(int v) { queueCapacity = v; return this; }
        public Builder queueBytes(long v) { queueBytes = v; return this; }
        public Builder queueFullWait(Duration v) { queueFullWait = v; return this; }
        public Builder maxRetainedBytes(long v) { maxRetainedBytes = v; return this; }
        public Builder closeTimeout(Duration v) { closeTimeout = v; return this; }

        public LoggerSettings build() {
            return new LoggerSettings(logPath, bufferSizeBytes, flushInterval, maxBatchEntries, fsync, maxFileSizeBytes,
                    retentionDays, archiveRetentionDays, sanitize, extraPatterns, queueCapacity, queueBytes, queueFullWait,
                    maxRetainedBytes, closeTimeout);
        }
    }
}
