package dev.sigil.layout;

import java.time.Duration;

/**
 * The seed's defaults for how the log directory is written and kept (seed 001 Appendix A, {@code logging:}), held
 * once: the configuration's key table shows and parses them ({@code sigil config --keys}), and the logger's settings
 * start from them when built without a configuration (tests, embedding).
 */
public final class LogDefaults {

    /** {@code logging.buffer_size_bytes}. */
    public static final int BUFFER_SIZE_BYTES = 4096;
    /** {@code logging.flush_interval_seconds}: 0.1 s. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    /** {@code logging.max_batch_size}. */
    public static final int MAX_BATCH_ENTRIES = 100;
    /** {@code logging.max_file_size_mb}, in MiB. */
    public static final int MAX_FILE_SIZE_MIB = 10;
    /** The same in bytes. */
    public static final long MAX_FILE_SIZE_BYTES = (long) MAX_FILE_SIZE_MIB << 20;
    /** {@code logging.retention_days}. */
    public static final int RETENTION_DAYS = 7;
    /** {@code logging.archive_retention_days}. */
    public static final int ARCHIVE_RETENTION_DAYS = 30;
    /** {@code logging.rotate_idle_minutes}: how long nobody must have written a log before {@code sigil logs rotate} rotates it. */
    public static final int ROTATE_IDLE_MINUTES = 30;
    /** The same as a duration. */
    public static final Duration ROTATE_IDLE = Duration.ofMinutes(ROTATE_IDLE_MINUTES);
    /** {@code logging.sanitize_logs}. */
    public static final boolean SANITIZE = true;

    private LogDefaults() {
    }
}
