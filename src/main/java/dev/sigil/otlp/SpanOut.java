package dev.sigil.otlp;

/**
 * A finished span, as sigil sends it.
 *
 * @param traceId 32 hex digits
 * @param spanId 16 hex digits
 * @param parentSpanId 16 hex digits, "" for the root
 * @param name e.g. {@code invoke_agent routing}
 * @param client kind CLIENT (a model call) rather than INTERNAL
 * @param startNanos epoch nanoseconds
 * @param endNanos epoch nanoseconds, never before the start
 * @param attributes its attributes
 * @param error whether it ended in error (status ERROR), else status UNSET
 * @param statusMessage the error's text, "" if none
 * @param resource the resource it belongs to
 */
public record SpanOut(String traceId, String spanId, String parentSpanId, String name, boolean client, long startNanos,
                      long endNanos, Attrs attributes, boolean error, String statusMessage, Attrs resource) {
}
