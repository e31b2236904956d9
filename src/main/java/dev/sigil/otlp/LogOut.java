package dev.sigil.otlp;

/**
 * One log record: one line of the log.
 *
 * @param traceId the trace of the line's session
 * @param spanId the span the line belongs to
 * @param timeNanos the line's time, epoch nanoseconds
 * @param severityNumber OTLP's severity number (5 debug, 9 info, 13 warn, 17 error, 21 fatal; 1 trace)
 * @param severityText the level's name as sigil writes it
 * @param body the line's message
 * @param attributes its attributes
 * @param resource the resource it belongs to
 */
public record LogOut(String traceId, String spanId, long timeNanos, int severityNumber, String severityText, String body,
                     Attrs attributes, Attrs resource) {
}
