package dev.sigil.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.sigil.contract.event.Level;

/**
 * The {@code logging} section.
 *
 * @param path directory of the logs ({@code sessions/}, {@code archive/})
 * @param level least severe of sigil's own diagnostics shown on stderr
 * @param bufferSizeBytes the buffer is written once it holds this many bytes (1: every entry at once)
 * @param flushInterval the buffer is written at least this often
 * @param maxBatchSize the buffer is written once it holds this many entries
 * @param maxFileSizeMib a session log is rotated at this size, in MiB
 * @param retentionDays sessions older than this are archived
 * @param archiveRetentionDays archives older than this are deleted
 * @param rotateIdleMinutes {@code sigil logs rotate} rotates a log only once no one has written it for this long
 * @param sanitizeLogs whether secrets are masked before they are written
 * @param additionalPatterns more regular expressions to mask
 */
public record LoggingConfig(Path path, Level level, long bufferSizeBytes, Duration flushInterval, long maxBatchSize,
                            long maxFileSizeMib, long retentionDays, long archiveRetentionDays, long rotateIdleMinutes, boolean sanitizeLogs,
                            List<String> additionalPatterns) {

    public LoggingConfig {
        additionalPatterns = List.copyOf(additionalPatterns);
    }

    /** The rotation size in bytes. */
    public long maxFileSizeBytes() {
        return maxFileSizeMib << 20;
    }
}
