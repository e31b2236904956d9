package dev.sigil.otlp.receive;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one request carried, decoded from protobuf or JSON into one form: attribute values as JSON values (strings,
 * integers, doubles, booleans, arrays and objects for OTLP's arrays and key-value lists, base64 text for bytes).
 *
 * @param spans the spans, each with its resource and scope
 * @param logs the log records, each with its resource and scope
 */
record Received(List<Span> spans, List<Log> logs) {

    /** A span; ids in lower-case hex ("" when absent), times in epoch nanoseconds. */
    record Span(ObjectNode resource, String scope, String traceId, String spanId, String parentSpanId, String name, int kind,
                long startNanos, long endNanos, ObjectNode attributes, int statusCode, String statusMessage) {

        static final int STATUS_ERROR = 2;
    }

    /** A log record; {@code body} null when absent. */
    record Log(ObjectNode resource, String scope, long timeNanos, int severityNumber, String severityText, JsonNode body,
               ObjectNode attributes, String traceId, String spanId) {
    }

    int items() {
        return spans.size() + logs.size();
    }
}
