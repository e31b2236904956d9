package dev.sigil.otlp.receive;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** OTLP/HTTP protobuf bodies into {@link Received}, with the protocol's generated classes (opentelemetry-proto). */
final class ProtoDecoder {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private ProtoDecoder() {
    }

    static Received traces(byte[] body) throws MalformedRequestException {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRequestException("not an OTLP trace request in protobuf (" + e.getMessage() + ")");
        }
        List<Received.Span> spans = new ArrayList<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            ObjectNode resource = attributes(rs.getResource().getAttributesList());
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (Span s : ss.getSpansList()) {
                    spans.add(new Received.Span(resource, ss.getScope().getName(), hex(s.getTraceId()), hex(s.getSpanId()),
                            hex(s.getParentSpanId()), s.getName(), s.getKindValue(), s.getStartTimeUnixNano(), s.getEndTimeUnixNano(),
                            attributes(s.getAttributesList()), s.getStatus().getCodeValue(), s.getStatus().getMessage()));
                }
            }
        }
        return new Received(spans, List.of());
    }

    static Received logs(byte[] body) throws MalformedRequestException {
        ExportLogsServiceRequest request;
        try {
            request = ExportLogsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRequestException("not an OTLP logs request in protobuf (" + e.getMessage() + ")");
        }
        List<Received.Log> logs = new ArrayList<>();
        for (ResourceLogs rl : request.getResourceLogsList()) {
            ObjectNode resource = attributes(rl.getResource().getAttributesList());
            for (ScopeLogs sl : rl.getScopeLogsList()) {
                for (LogRecord l : sl.getLogRecordsList()) {
                    logs.add(new Received.Log(resource, sl.getScope().getName(), l.getTimeUnixNano() != 0 ? l.getTimeUnixNano()
                            : l.getObservedTimeUnixNano(), l.getSeverityNumberValue(), l.getSeverityText(),
                            l.hasBody() ? value(l.getBody()) : null, attributes(l.getAttributesList()), hex(l.getTraceId()), hex(l.getSpanId())));
                }
            }
        }
        return new Received(List.of(), logs);
    }

    private static ObjectNode attributes(List<KeyValue> list) {
        ObjectNode o = F.objectNode();
        for (KeyValue kv : list) {
            o.set(kv.getKey(), value(kv.getValue()));
        }
        return o;
    }

    private static JsonNode value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> F.stringNode(v.getStringValue());
            case INT_VALUE -> F.numberNode(v.getIntValue());
            case DOUBLE_VALUE -> F.numberNode(v.getDoubleValue());
            case BOOL_VALUE -> F.booleanNode(v.getBoolValue());
            case BYTES_VALUE -> F.stringNode(java.util.Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                ArrayNode a = F.arrayNode();
                v.getArrayValue().getValuesList().forEach(x -> a.add(value(x)));
                yield a;
            }
            case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList());
            default -> F.nullNode();
        };
    }

    private static String hex(ByteString b) {
        return b.isEmpty() ? "" : HEX.formatHex(b.toByteArray());
    }
}
