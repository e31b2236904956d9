package dev.sigil.otlp.receive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.model.Metadata;
import dev.sigil.otlp.GenAiNames;
import dev.sigil.otlp.SigilNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a request carried, as execution entries of the contract (docs/otlp.md, "Receiving"), by session. A record of
 * sigil's own export is its line again (event type, component, message, tokens, timestamp and metadata from the
 * {@code sigil.*} attributes); sigil's own spans are left out (they were derived from those lines). Any other span is
 * one entry at its end (step_complete, step_error when its status is ERROR) with its latency, its usage as the usage
 * record when it states one, and everything it carried under {@code metadata.otlp}; any other record a
 * reasoning_step (an error at ERROR severity and above). Pure.
 */
final class EntryMapper {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{6})?)?)?");

    /** The entries of one session, with the service that sent them. */
    record Batch(String session, String service, List<ExecutionEntry> entries) {
    }

    private EntryMapper() {
    }

    static List<Batch> map(Received r) {
        Map<String, Batch> out = new LinkedHashMap<>();
        for (Received.Log l : r.logs()) {
            batch(out, l.resource()).entries().add(SigilNames.SCOPE.equals(l.scope()) && l.attributes().has(SigilNames.EVENT_TYPE)
                    ? ownLine(l, SessionOf.resource(l.resource())) : foreignLog(l, SessionOf.resource(l.resource())));
        }
        for (Received.Span s : r.spans()) {
            if (!SigilNames.SCOPE.equals(s.scope())) {
                batch(out, s.resource()).entries().add(foreignSpan(s, SessionOf.resource(s.resource())));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Batch batch(Map<String, Batch> out, ObjectNode resource) {
        String session = SessionOf.resource(resource);
        return out.computeIfAbsent(session, s -> new Batch(s, SessionOf.service(resource), new ArrayList<>()));
    }

    private static ExecutionEntry ownLine(Received.Log l, String session) {
        ObjectNode a = l.attributes();
        String written = text(a, SigilNames.TIMESTAMP);
        String timestamp = TIMESTAMP.matcher(written).matches() ? written : timestamp(l.timeNanos());
        EventType type = EventType.fromWire(text(a, SigilNames.EVENT_TYPE)).orElse(l.severityNumber() >= 17 ? EventType.ERROR : EventType.REASONING_STEP);
        ObjectNode metadata = F.objectNode();
        JsonNode parsed = json(text(a, SigilNames.METADATA));
        if (parsed != null && parsed.isObject()) {
            metadata.setAll((ObjectNode) parsed);
        }
        if (!metadata.has("tokens_used")) {
            JsonNode usage = Usage.record(a);
            if (usage != null) {
                metadata.set("tokens_used", usage);
            }
        }
        return new ExecutionEntry(timestamp, session, type, component(text(a, SigilNames.COMPONENT), Component.ORCHESTRATOR),
                body(l.body()), Math.max(0, integer(a, SigilNames.TOKENS)), Metadata.fromJsonNode(metadata));
    }

    private static ExecutionEntry foreignSpan(Received.Span s, String session) {
        ObjectNode a = s.attributes();
        boolean failed = s.statusCode() == Received.Span.STATUS_ERROR;
        EventType type = EventType.fromWire(text(a, SigilNames.EVENT_TYPE)).orElse(failed ? EventType.STEP_ERROR : EventType.STEP_COMPLETE);
        String operation = text(a, GenAiNames.OPERATION_NAME);
        ObjectNode metadata = F.objectNode();
        metadata.put("operation", operation.isEmpty() ? s.name() : operation);
        metadata.put("latency_ms", Math.max(0, s.endNanos() - s.startNanos()) / 1e6);
        long tokens = 0;
        JsonNode usage = Usage.record(a);
        if (usage != null) {
            metadata.set("tokens_used", usage);
            tokens = usage.get("total_tokens").longValue();
        } else {
            tokens = Math.max(0, integer(a, GenAiNames.USAGE_INPUT_TOKENS)) + Math.max(0, integer(a, GenAiNames.USAGE_OUTPUT_TOKENS));
        }
        if (failed) {
            metadata.put("error", s.statusMessage().isEmpty() ? s.name() + " failed" : s.statusMessage());
            String errorType = text(a, GenAiNames.ERROR_TYPE);
            if (!errorType.isEmpty()) {
                metadata.put("error_type", errorType);
            }
        }
        ObjectNode otlp = metadata.putObject("otlp");
        otlp.put("name", s.name()).put("kind", s.kind()).put("trace_id", s.traceId()).put("span_id", s.spanId())
                .put("parent_span_id", s.parentSpanId()).put("scope", s.scope());
        otlp.set("attributes", a);
        String message = s.name() + (failed && !s.statusMessage().isEmpty() ? ": " + s.statusMessage() : "");
        return new ExecutionEntry(timestamp(s.endNanos()), session, type, component(text(a, SigilNames.COMPONENT), byOperation(operation)),
                message, tokens, Metadata.fromJsonNode(metadata));
    }

    private static ExecutionEntry foreignLog(Received.Log l, String session) {
        ObjectNode a = l.attributes();
        EventType type = EventType.fromWire(text(a, SigilNames.EVENT_TYPE)).orElse(l.severityNumber() >= 17 ? EventType.ERROR : EventType.REASONING_STEP);
        ObjectNode metadata = F.objectNode();
        JsonNode usage = Usage.record(a);
        long tokens = 0;
        if (usage != null) {
            metadata.set("tokens_used", usage);
            tokens = usage.get("total_tokens").longValue();
        }
        ObjectNode otlp = metadata.putObject("otlp");
        otlp.put("severity_number", l.severityNumber()).put("severity_text", l.severityText()).put("trace_id", l.traceId())
                .put("span_id", l.spanId()).put("scope", l.scope());
        otlp.set("attributes", a);
        return new ExecutionEntry(timestamp(l.timeNanos()), session, type, component(text(a, SigilNames.COMPONENT), Component.REASONING),
                body(l.body()), tokens, Metadata.fromJsonNode(metadata));
    }

    /** The contract's component for a name (its own, or a seed-002 name), else {@code fallback}. */
    private static Component component(String name, Component fallback) {
        Component c = name.isEmpty() ? null : LogEventDecoder.mapComponent(name);
        return c != null ? c : fallback;
    }

    private static Component byOperation(String operation) {
        return switch (operation) {
            case GenAiNames.INVOKE_AGENT, GenAiNames.INVOKE_WORKFLOW, "create_agent" -> Component.ORCHESTRATOR;
            default -> Component.REASONING;
        };
    }

    /** Aware UTC isoformat of epoch nanoseconds (0, unknown, is the epoch). */
    static String timestamp(long nanos) {
        Instant i = Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L), Long.remainderUnsigned(nanos, 1_000_000_000L));
        return PythonTimestamp.isoformat(OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private static String body(JsonNode body) {
        if (body == null || body.isNull()) {
            return "";
        }
        return body.isString() ? body.stringValue() : body.toString();
    }

    static String text(ObjectNode a, String key) {
        JsonNode v = a.get(key);
        return v != null && v.isString() ? v.stringValue() : "";
    }

    static long integer(ObjectNode a, String key) {
        JsonNode v = a.get(key);
        return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : -1;
    }

    private static JsonNode json(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new PythonJsonReader().read(text);
        } catch (JsonSyntaxException e) {
            return null;
        }
    }
}
