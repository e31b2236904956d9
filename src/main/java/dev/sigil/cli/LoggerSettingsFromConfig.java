package dev.sigil.cli;

import dev.sigil.config.LoggingConfig;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.sanitize.SanitizePattern;

/** The logger's settings from the {@code logging} section of the configuration. */
final class LoggerSettingsFromConfig {

    private LoggerSettingsFromConfig() {
    }

    static LoggerSettings of(LoggingConfig logging) {
        try {
            return LoggerSettings.builder()
                    .logPath(logging.path())
                    .bufferSizeBytes((int) Math.min(Integer.MAX_VALUE, logging.bufferSizeBytes()))
                    .flushInterval(logging.flushInterval())
                    .maxBatchEntries((int) Math.min(Integer.MAX_VALUE, logging.maxBatchSize()))
                    .maxFileSizeBytes(logging.maxFileSizeBytes())
                    .retentionDays((int) Math.min(Integer.MAX_VALUE, logging.retentionDays()))
                    .archiveRetentionDays((int) Math.min(Integer.MAX_VALUE, logging.archiveRetentionDays()))
                    .sanitize(logging.sanitizeLogs())
                    .extraPatterns(logging.additionalPatterns().stream().map(SanitizePattern::of).toList())
                    .build();
        } catch (IllegalArgumentException e) {
            throw UserError.usage("invalid logging configuration: " + e.getMessage());
        }
    }
}
