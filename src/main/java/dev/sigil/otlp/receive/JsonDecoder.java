package dev.sigil.otlp.receive;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP/HTTP JSON bodies into {@link Received}, as the OTLP specification encodes them: lowerCamelCase names (the
 * proto names are taken too), trace and span ids in hex, enums as integers, 64-bit integers as strings or numbers.
 * Read with the codec's reader; a field of the wrong type makes the request malformed.
 */
final class JsonDecoder {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonDecoder() {
    }

    static Received traces(byte[] body) throws MalformedRequestException {
        JsonNode root = parse(body);
        List<Received.Span> spans = new ArrayList<>();
        for (JsonNode rs : array(root, "resourceSpans", "resource_spans")) {
            ObjectNode resource = attributes(object(rs, "resource", "resource"));
            for (JsonNode ss : array(rs, "scopeSpans", "scope_spans")) {
                String scope = text(object(ss, "scope", "scope"), "name", "name");
                for (JsonNode s : array(ss, "spans", "spans")) {
                    JsonNode status = object(s, "status", "status");
                    spans.add(new Received.Span(resource, scope, id(s, "traceId", "trace_id", 16), id(s, "spanId", "span_id", 8),
                            id(s, "parentSpanId", "parent_span_id", 8), text(s, "name", "name"), (int) integer(s, "kind", "kind"),
                            integer(s, "startTimeUnixNano", "start_time_unix_nano"), integer(s, "endTimeUnixNano", "end_time_unix_nano"),
                            attributes(s), (int) integer(status, "code", "code"), text(status, "message", "message")));
                }
            }
        }
        return new Received(spans, List.of());
    }

    static Received logs(byte[] body) throws MalformedRequestException {
        JsonNode root = parse(body);
        List<Received.Log> logs = new ArrayList<>();
        for (JsonNode rl : array(root, "resourceLogs", "resource_logs")) {
            ObjectNode resource = attributes(object(rl, "resource", "resource"));
            for (JsonNode sl : array(rl, "scopeLogs", "scope_logs")) {
                String scope = text(object(sl, "scope", "scope"), "name", "name");
                for (JsonNode l : array(sl, "logRecords", "log_records")) {
                    long time = integer(l, "timeUnixNano", "time_unix_nano");
                    JsonNode body1 = field(l, "body", "body");
                    logs.add(new Received.Log(resource, scope, time != 0 ? time : integer(l, "observedTimeUnixNano", "observed_time_unix_nano"),
                            (int) integer(l, "severityNumber", "severity_number"), text(l, "severityText", "severity_text"),
                            body1 == null || body1.isNull() ? null : value(body1), attributes(l), id(l, "traceId", "trace_id", 16),
                            id(l, "spanId", "span_id", 8)));
                }
            }
        }
        return new Received(List.of(), logs);
    }

    private static JsonNode parse(byte[] body) throws MalformedRequestException {
        try {
            JsonNode root = new PythonJsonReader().read(body, 0, body.length);
            if (!root.isObject()) {
                throw new MalformedRequestException("the JSON body is not an object");
            }
            return root;
        } catch (JsonSyntaxException e) {
            throw new MalformedRequestException("not JSON: " + e.getMessage());
        }
    }

    private static JsonNode field(JsonNode o, String camel, String snake) {
        JsonNode v = o.get(camel);
        return v != null ? v : o.get(snake);
    }

    private static List<JsonNode> array(JsonNode o, String camel, String snake) throws MalformedRequestException {
        JsonNode v = field(o, camel, snake);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MalformedRequestException(camel + " is not an array");
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isObject()) {
                throw new MalformedRequestException(camel + " holds something that is not an object");
            }
            out.add(x);
        }
        return out;
    }

    private static JsonNode object(JsonNode o, String camel, String snake) throws MalformedRequestException {
        JsonNode v = field(o, camel, snake);
        if (v == null || v.isNull()) {
            return F.objectNode();
        }
        if (!v.isObject()) {
            throw new MalformedRequestException(camel + " is not an object");
        }
        return v;
    }

    private static String text(JsonNode o, String camel, String snake) throws MalformedRequestException {
        JsonNode v = field(o, camel, snake);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isString()) {
            throw new MalformedRequestException(camel + " is not a string");
        }
        return v.stringValue();
    }

    /** An integer written as a number or as a decimal string (int64 in proto3 JSON). */
    private static long integer(JsonNode o, String camel, String snake) throws MalformedRequestException {
        JsonNode v = field(o, camel, snake);
        if (v == null || v.isNull()) {
            return 0;
        }
        try {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            if (v.isString()) {
                return Long.parseUnsignedLong(v.stringValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedRequestException(camel + " is not an integer");
    }

    private static String id(JsonNode o, String camel, String snake, int bytes) throws MalformedRequestException {
        String hex = text(o, camel, snake);
        if (hex.isEmpty()) {
            return "";
        }
        if (hex.length() != bytes * 2 || !HexFormat.isHexDigit(hex.charAt(0))) {
            throw new MalformedRequestException(camel + " is not " + bytes * 2 + " hex digits");
        }
        try {
            HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException(camel + " is not " + bytes * 2 + " hex digits");
        }
        return hex.toLowerCase(java.util.Locale.ROOT);
    }

    private static ObjectNode attributes(JsonNode holder) throws MalformedRequestException {
        ObjectNode out = F.objectNode();
        for (JsonNode kv : array(holder, "attributes", "attributes")) {
            out.set(text(kv, "key", "key"), value(object(kv, "value", "value")));
        }
        return out;
    }

    private static JsonNode value(JsonNode any) throws MalformedRequestException {
        if (!any.isObject()) {
            throw new MalformedRequestException("an attribute value is not an object");
        }
        JsonNode v;
        if ((v = field(any, "stringValue", "string_value")) != null) {
            return F.stringNode(text(any, "stringValue", "string_value"));
        }
        if ((v = field(any, "boolValue", "bool_value")) != null) {
            if (!v.isBoolean()) {
                throw new MalformedRequestException("boolValue is not a boolean");
            }
            return v;
        }
        if (field(any, "intValue", "int_value") != null) {
            JsonNode i = field(any, "intValue", "int_value");
            try {
                return F.numberNode(i.isString() ? Long.parseLong(i.stringValue()) : checkedLong(i));
            } catch (NumberFormatException e) {
                throw new MalformedRequestException("intValue is not an integer");
            }
        }
        if ((v = field(any, "doubleValue", "double_value")) != null) {
            if (!v.isNumber()) {
                throw new MalformedRequestException("doubleValue is not a number");
            }
            return F.numberNode(v.doubleValue());
        }
        if ((v = field(any, "bytesValue", "bytes_value")) != null) {
            String b = text(any, "bytesValue", "bytes_value");
            try {
                Base64.getDecoder().decode(b);
            } catch (IllegalArgumentException e) {
                throw new MalformedRequestException("bytesValue is not base64");
            }
            return F.stringNode(b);
        }
        if ((v = field(any, "arrayValue", "array_value")) != null) {
            ArrayNode a = F.arrayNode();
            for (JsonNode x : array(object(any, "arrayValue", "array_value"), "values", "values")) {
                a.add(value(x));
            }
            return a;
        }
        if ((v = field(any, "kvlistValue", "kvlist_value")) != null) {
            ObjectNode o = F.objectNode();
            for (JsonNode kv : array(object(any, "kvlistValue", "kvlist_value"), "values", "values")) {
                o.set(text(kv, "key", "key"), value(object(kv, "value", "value")));
            }
            return o;
        }
        return F.nullNode();
    }

    private static long checkedLong(JsonNode i) {
        if (!i.isIntegralNumber() || !i.canConvertToLong()) {
            throw new NumberFormatException();
        }
        return i.longValue();
    }
}
