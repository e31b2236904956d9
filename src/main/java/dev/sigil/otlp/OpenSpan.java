package dev.sigil.otlp;

/**
 * A span being built while its lines are read: known by its key, started, not yet ended. Mutable; owned by one
 * {@link SessionTrace}.
 */
final class OpenSpan {

    final String key;
    final String spanId;
    final String parentSpanId;
    String name;
    long startNanos;
    long endNanos;
    final Attrs.Builder attributes = Attrs.builder();
    boolean error;
    String statusMessage = "";
    long tokens;
    /** Opened by a start line (session_start, step_start), so that a missing completion means it did not finish. */
    boolean started;

    OpenSpan(String key, String spanId, String parentSpanId, String name, long startNanos) {
        this.key = key;
        this.spanId = spanId;
        this.parentSpanId = parentSpanId;
        this.name = name;
        this.startNanos = startNanos;
        this.endNanos = startNanos;
    }

    /** Marks the span failed with the error's type, code and text (the first error a span sees names it). */
    void fail(String errorType, String errorCode, String message) {
        if (!error) {
            error = true;
            attributes.text(GenAiNames.ERROR_TYPE, errorType).text(SigilNames.ERROR_CODE, errorCode);
            statusMessage = message;
        }
    }

    /** Ends at {@code end}; with a latency the start is {@code end - latency} (the line states how long it took). */
    void end(long end, double latencyMs) {
        endNanos = Math.max(end, startNanos);
        if (!Double.isNaN(latencyMs) && latencyMs >= 0) {
            startNanos = Math.max(0, end - (long) (latencyMs * 1_000_000d));
            endNanos = end;
        }
    }

    SpanOut finish(String traceId, Attrs resource, boolean client) {
        attributes.count(SigilNames.TOKENS, tokens);
        return new SpanOut(traceId, spanId, parentSpanId, name, client, startNanos, Math.max(startNanos, endNanos), attributes.build(),
                error, statusMessage, resource);
    }
}
