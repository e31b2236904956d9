package dev.sigil.contract.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.model.Component;
import tools.jackson.databind.JsonNode;

/**
 * Decodes a parsed line into a {@link LogEvent}, for both dialects and for any other JSON object, as
 * docs/contract.md §8-9 specifies. Pure and thread-safe; never throws on odd content (a wrongly typed field is
 * treated as absent).
 */
public final class LogEventDecoder {

    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    /** The usage record's key: in metadata of an execution entry, at the top of a seed-002 line. */
    static final String TOKENS_USED = "tokens_used";
    /** The error record's key: in metadata of an execution entry, at the top of a seed-002 line (docs/errors.md). */
    static final String ERROR_INFO = "error_info";
    /** The attribution keys (docs/contract.md §5.2) and the dollar budget, in metadata of an execution entry. */
    static final String EVENT_ID = "event_id";
    static final String PARENT_ID = "parent_id";
    static final String CORRELATION_ID = "correlation_id";
    static final String PHASE = "phase";
    static final String BUDGET_USD = "budget_usd";
    static final String OPERATION = "operation";

    private LogEventDecoder() {
    }

    /** The event of a line, or null if the value is not a JSON object. */
    public static LogEvent decode(JsonNode line) {
        if (line == null || !line.isObject()) {
            return null;
        }
        JsonNode eventType = line.get("event_type");
        if (eventType != null && eventType.isString()) {
            return executionEntry(line, eventType.stringValue());
        }
        if (line.has("level") || line.has("operation")) {
            return operationLog(line);
        }
        return unrecognised(line);
    }

    private static LogEvent executionEntry(JsonNode line, String eventType) {
        JsonNode metadata = line.path("metadata");
        String component = text(line.get("component"));
        JsonNode op = line.get("operation");
        String operation = op != null && op.isString() ? op.stringValue() : eventType;
        long tokens = count(line.get("tokens"));
        Level derived = Level.ofEntry(eventType, text(metadata.get("severity")));
        Level level = line.has("level") ? levelOr(line.get("level"), derived) : derived;
        JsonNode errorInfo = metadata.path(ERROR_INFO);
        return new LogEvent(Dialect.EXECUTION_ENTRY, text(line.get("timestamp")), text(line.get("session_id")), eventType,
                component, Component.fromWire(component).orElse(null), operation, level, message(line.get("message")),
                tokens, number(metadata.get("latency_ms")), count(metadata.get("budget"), -1),
                count(metadata.get("total_used"), -1), count(metadata.get("total_tokens"), -1),
                text(metadata.get("error")), text(metadata.get("error_type")), Usage.read(metadata.get(TOKENS_USED), tokens),
                text(errorInfo.get("error_code")), suggestion(errorInfo),
                Attribution.of(text(metadata.get(EVENT_ID)), text(metadata.get(PARENT_ID)), text(metadata.get(CORRELATION_ID)),
                        text(metadata.get(PHASE)), text(metadata.get(OPERATION))), dollars(number(metadata.get(BUDGET_USD))));
    }

    private static LogEvent operationLog(JsonNode line) {
        String component = text(line.get("component"));
        String operation = text(line.get("operation"));
        String message = message(line.get("message"));
        Level level = levelOr(line.get("level"), Level.INFO);
        JsonNode metadata = line.path("metadata");
        JsonNode errorInfo = line.path("error_info");
        JsonNode snapshot = line.path("budget_snapshot");
        String eventType = operationEventType(component, operation, message, level, metadata, errorInfo);
        long tokens = operationTokens(line.get(TOKENS_USED));
        return new LogEvent(Dialect.OPERATION_LOG, text(line.get("timestamp")), text(line.get("session_id")), eventType,
                component, mapComponent(component), operation, level, message, tokens,
                number(line.get("duration_ms")), count(snapshot.get("total_budget"), -1), count(snapshot.get("used"), -1),
                count(metadata.get("total_tokens"), -1), text(errorInfo.get("error_message")), text(errorInfo.get("error_type")),
                Usage.read(line.get(TOKENS_USED), tokens), text(errorInfo.get("error_code")), suggestion(errorInfo),
                operationAttribution(line), LogEvent.NO_BUDGET_USD);
    }

    /**
     * The event of a JSON object no format recognises (docs/formats.md §8): shown with what it has of the usual keys
     * ({@code timestamp}, {@code component}, {@code operation}, {@code level}, {@code message}; without a message, the
     * line's JSON is the message), counted as unrecognised, its tokens never added.
     */
    public static LogEvent unrecognised(JsonNode line) {
        String component = text(line.get("component"));
        String message = message(line.get("message"));
        return new LogEvent(Dialect.OTHER, text(line.get("timestamp")), text(line.get("session_id")), "", component,
                Component.fromWire(component).orElse(null), text(line.get("operation")), levelOr(line.get("level"), Level.INFO),
                message.isEmpty() ? JSON.encodeToString(line) : message, count(line.get("tokens")), Double.NaN, -1, -1, -1, "", "",
                Usage.unknownModel(count(line.get("tokens"))), "", "", Attribution.NONE, LogEvent.NO_BUDGET_USD);
    }

    /** docs/contract.md §9: a seed-002 line's own keys, its id and its operation context's parent as the fallbacks. */
    private static Attribution operationAttribution(JsonNode line) {
        String eventId = text(line.get(EVENT_ID));
        String parentId = text(line.get(PARENT_ID));
        return Attribution.of(eventId.isEmpty() ? text(line.get("id")) : eventId,
                parentId.isEmpty() ? text(line.get("parent_operation_id")) : parentId, text(line.get(CORRELATION_ID)),
                text(line.get(PHASE)), text(line.get(OPERATION)));
    }

    /** A dollar amount from a finite number: its shortest decimal form (as Python's repr shows it); null (none) if negative or NaN. */
    public static BigDecimal dollars(double number) {
        return Double.isNaN(number) || number < 0 ? LogEvent.NO_BUDGET_USD : BigDecimal.valueOf(number);
    }

    /** docs/contract.md §9: the event type of an operation-log line. */
    static String operationEventType(String component, String operation, String message, Level level, JsonNode metadata,
                                     JsonNode errorInfo) {
        if ("cli".equals(component) && "initialize".equals(operation)) {
            return "session_start";
        }
        if ("cli".equals(component) && "complete_execution".equals(operation)) {
            JsonNode success = metadata.get("success");
            return success != null && success.isBoolean() && !success.booleanValue() ? "session_error" : "session_complete";
        }
        if (level == Level.CRITICAL) {
            return "session_error";
        }
        if (errorInfo.isObject()) {
            JsonNode recoverable = errorInfo.get("recoverable");
            return recoverable != null && recoverable.isBoolean() && recoverable.booleanValue() ? "retry_attempt" : "step_error";
        }
        if (level == Level.ERROR) {
            return "step_error";
        }
        if (message.startsWith("Starting ")) {
            return "step_start";
        }
        if (message.startsWith("Completed ")) {
            return "step_complete";
        }
        return level.compareTo(Level.DEBUG) <= 0 ? "reasoning_step" : "step_complete";
    }

    /** The suggestion of an error record: its own, else its code's or its category's; "" without a record. */
    private static String suggestion(JsonNode errorInfo) {
        if (!errorInfo.isObject()) {
            return "";
        }
        return ErrorCode.suggestionFor(text(errorInfo.get("suggestion")), text(errorInfo.get("error_code")), text(errorInfo.get("category")));
    }

    /** docs/contract.md §9: the seed-002 component names that are not the contract's, and the contract's they mean. */
    private static final Map<String, Component> SEED_002_NAMES = Map.of(
            "router", Component.ROUTING, "planner", Component.PLANNING, "cli", Component.ORCHESTRATOR, "tools", Component.REASONING);

    /** docs/contract.md §9: seed-002 component names onto the contract's. */
    public static Component mapComponent(String name) {
        Component seed002 = SEED_002_NAMES.get(name);
        return seed002 != null ? seed002 : Component.fromWire(name).orElse(null);
    }

    /** Every component name {@link #mapComponent} knows: the contract's, in its order, then seed 002's others, sorted. */
    public static List<String> componentNames() {
        List<String> names = new ArrayList<>();
        for (Component c : Component.values()) {
            names.add(c.wireName());
        }
        names.addAll(new TreeSet<>(SEED_002_NAMES.keySet()));
        return names;
    }

    private static long operationTokens(JsonNode tokensUsed) {
        if (tokensUsed == null || !tokensUsed.isObject()) {
            return 0;
        }
        long total = count(tokensUsed.get("total_tokens"), -1);
        if (total >= 0) {
            return total;
        }
        long in = count(tokensUsed.get("input_tokens"), -1);
        long out = count(tokensUsed.get("output_tokens"), -1);
        return in >= 0 && out >= 0 ? in + out : 0;
    }

    private static String text(JsonNode v) {
        return v != null && v.isString() ? v.stringValue() : "";
    }

    /** Messages are shown even when a producer wrote a number or an object: in their JSON form, like jq does. */
    private static String message(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isString() ? v.stringValue() : JSON.encodeToString(v);
    }

    private static Level levelOr(JsonNode v, Level fallback) {
        Level parsed = v != null && v.isString() ? Level.parse(v.stringValue()) : null;
        return parsed == null ? fallback : parsed;
    }

    private static long count(JsonNode v) {
        return Math.max(0, count(v, 0));
    }

    /** A count: an integer that fits a long, or a finite float cut toward zero; {@code absent} for anything else or below 0. */
    private static long count(JsonNode v, long absent) {
        if (v == null || !v.isNumber()) {
            return absent;
        }
        long n;
        if (v.isIntegralNumber()) {
            n = v.canConvertToLong() ? v.longValue() : -1;
        } else {
            double d = v.doubleValue();
            n = Double.isFinite(d) && Math.abs(d) < 0x1p63 ? (long) d : -1;
        }
        return n < 0 ? absent : n;
    }

    /** A finite number, or NaN for anything else (Jackson refuses doubleValue() of an integer beyond the double range). */
    private static double number(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return Double.NaN;
        }
        double d = v.isIntegralNumber() ? v.bigIntegerValue().doubleValue() : v.doubleValue();
        return Double.isFinite(d) ? d : Double.NaN;
    }
}
