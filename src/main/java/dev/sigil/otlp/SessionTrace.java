package dev.sigil.otlp;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;
import dev.sigil.cost.UsagePricer;
import tools.jackson.databind.JsonNode;

/**
 * The trace of one session, folded line by line (docs/otlp.md, "The trace"): a root span {@code invoke_workflow
 * {pipeline}} per run, a child {@code invoke_agent {component}} per unit of work (a line's event id and parent id when
 * it states them; otherwise each step_start ... step_complete of a component), a {@code chat {model}} CLIENT span per
 * usage record, and one log record per line. Spans are sent as they end; {@link #finish} ends what the log left open.
 */
final class SessionTrace {

    /** Most spans kept open at once; past it the oldest is sent as unfinished (a log of starts that never complete). */
    static final int MAX_OPEN = 4096;
    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    private final String session;
    private final String traceId;
    private final Attrs resource;
    private final TelemetrySink sink;
    private final UsagePricer pricer;
    private final ZoneId zone;
    private final long fallbackNanos;
    private final Map<String, Deque<OpenSpan>> steps = new HashMap<>();
    private final Map<String, OpenSpan> units = new LinkedHashMap<>();
    private OpenSpan root;
    private boolean rootEnded;
    private int runs;
    private long lines;
    private long lastNanos = LineTime.UNREADABLE;

    SessionTrace(String session, Attrs resource, TelemetrySink sink, UsagePricer pricer, ZoneId zone, long fallbackNanos) {
        this.session = session;
        this.traceId = TelemetryIds.traceId(session);
        this.resource = resource;
        this.sink = sink;
        this.pricer = pricer;
        this.zone = zone;
        this.fallbackNanos = fallbackNanos;
    }

    void line(TraceLine line) {
        LogEvent e = line.event();
        long ordinal = ++lines;
        long t = time(e.timestamp());
        String type = e.eventType();
        if (root == null || rootEnded && type.equals("session_start")) {
            openRoot(line, t); // the first run, or a later one in the same session (--resume)
        } else if (type.equals("session_start") && !rootEnded) {
            root.name = workflowName(line.metadata());
            root.attributes.text(GenAiNames.WORKFLOW_NAME, pipeline(line.metadata()));
        }
        OpenSpan home = home(line, ordinal, t);
        if (e.isError()) {
            home.fail(e.errorType().isEmpty() ? type : e.errorType(), e.errorCode(), e.error().isEmpty() ? e.message() : e.error());
        }
        home.tokens += e.tokens();
        if (e.usage().hasModel()) {
            chat(line, ordinal, t, home);
        }
        sink.log(record(line, ordinal, t, home));
        closeIfEnded(line, t, home);
    }

    /** Ends every span still open, at the last line's time, marked unfinished; then the root. */
    void finish() {
        for (Deque<OpenSpan> stack : steps.values()) {
            while (!stack.isEmpty()) {
                sendUnfinished(stack.pollFirst());
            }
        }
        steps.clear();
        for (OpenSpan s : units.values()) {
            sendUnfinished(s);
        }
        units.clear();
        if (root != null && !rootEnded) {
            sendUnfinished(root);
            rootEnded = true;
        }
    }

    private void openRoot(TraceLine line, long t) {
        runs++;
        boolean start = line.event().eventType().equals("session_start");
        String key = start && line.lineage().hasEvent() ? "event:" + line.lineage().eventId() : runs == 1 ? "session" : "session#" + runs;
        root = new OpenSpan(key, TelemetryIds.spanId(session, key), "", workflowName(start ? line.metadata() : null), t);
        root.attributes.text(GenAiNames.OPERATION_NAME, GenAiNames.INVOKE_WORKFLOW)
                .text(GenAiNames.WORKFLOW_NAME, pipeline(start ? line.metadata() : null))
                .text(GenAiNames.CONVERSATION_ID, session).text(GenAiNames.SESSION_ID, session);
        root.started = start;
        rootEnded = false;
    }

    /** The span a line belongs to, opening it when the line starts a unit. */
    private OpenSpan home(TraceLine line, long ordinal, long t) {
        LogEvent e = line.event();
        String type = e.eventType();
        if (type.startsWith("session_")) {
            return root;
        }
        if (line.lineage().hasEvent() && !("event:" + line.lineage().eventId()).equals(root.key)) {
            return unit(line, t);
        }
        Deque<OpenSpan> stack = steps.computeIfAbsent(e.component(), c -> new ArrayDeque<>());
        if (type.equals("step_start") || (closes(type) && stack.isEmpty())) {
            OpenSpan step = agent("line:" + ordinal, root.spanId, e, t);
            step.started = type.equals("step_start");
            stack.push(step);
            trim(stack);
            return step;
        }
        return stack.isEmpty() ? root : stack.peek();
    }

    private OpenSpan unit(TraceLine line, long t) {
        String key = "event:" + line.lineage().eventId();
        OpenSpan found = units.get(key);
        if (found == null) {
            String parentKey = "event:" + line.lineage().parentId();
            String parent = line.lineage().parentId().isEmpty() ? root.spanId : TelemetryIds.spanId(session, parentKey);
            found = agent(key, parent, line.event(), t);
            found.started = line.event().eventType().equals("step_start");
            units.put(key, found);
            if (units.size() > MAX_OPEN) {
                String oldest = units.keySet().iterator().next();
                sendUnfinished(units.remove(oldest));
            }
        }
        return found;
    }

    private OpenSpan agent(String key, String parent, LogEvent e, long t) {
        OpenSpan s = new OpenSpan(key, TelemetryIds.spanId(session, key), parent, "invoke_agent " + e.component(), t);
        s.attributes.text(GenAiNames.OPERATION_NAME, GenAiNames.INVOKE_AGENT).text(GenAiNames.AGENT_NAME, e.component())
                .text(GenAiNames.CONVERSATION_ID, session).text(SigilNames.COMPONENT, e.component())
                .text(SigilNames.OPERATION, e.operation());
        return s;
    }

    private void trim(Deque<OpenSpan> stack) {
        if (stack.size() > MAX_OPEN / 16) {
            sendUnfinished(stack.pollLast());
        }
    }

    private void closeIfEnded(TraceLine line, long t, OpenSpan home) {
        LogEvent e = line.event();
        String type = e.eventType();
        if (home == root) {
            if (rootEnded) {
                return; // a line after the run's end: its record names the run's span, which was sent
            }
            if (type.equals("session_complete") || type.equals("session_error")) {
                root.end(t, Double.NaN);
                root.attributes.text(SigilNames.EVENT_TYPE, type);
                sink.span(root.finish(traceId, resource, false));
                rootEnded = true;
            } else {
                root.endNanos = Math.max(root.endNanos, t);
            }
            return;
        }
        if (!closes(type)) {
            home.endNanos = Math.max(home.endNanos, t);
            return;
        }
        home.end(t, e.latencyMs());
        home.attributes.text(SigilNames.EVENT_TYPE, type);
        if (units.remove(home.key) == null) {
            steps.get(e.component()).remove(home);
        }
        sink.span(home.finish(traceId, resource, false));
        root.endNanos = Math.max(root.endNanos, t);
    }

    private void chat(TraceLine line, long ordinal, long t, OpenSpan home) {
        LogEvent e = line.event();
        Usage u = e.usage();
        String provider = provider(u.model());
        String model = u.model().substring(provider.length() + 1);
        String key = "chat:" + ordinal;
        OpenSpan call = new OpenSpan(key, TelemetryIds.spanId(session, key), home.spanId, GenAiNames.CHAT + " " + model, t);
        call.end(t, e.latencyMs());
        call.attributes.text(GenAiNames.OPERATION_NAME, GenAiNames.CHAT).text(GenAiNames.PROVIDER_NAME, provider)
                .text(GenAiNames.REQUEST_MODEL, model).text(GenAiNames.CONVERSATION_ID, session)
                .all(usage(u)).text(SigilNames.EVENT_TYPE, e.eventType()).text(SigilNames.COMPONENT, e.component());
        pricer.usd(u, Instant.ofEpochSecond(0, t)).ifPresent(usd -> call.attributes.money(SigilNames.COST_USD, usd));
        String errorType = "";
        if (e.isError()) {
            errorType = e.errorType().isEmpty() ? e.eventType() : e.errorType();
            call.fail(errorType, e.errorCode(), e.error().isEmpty() ? e.message() : e.error());
        }
        sink.span(call.finish(traceId, resource, true));
        double seconds = e.hasLatency() && e.latencyMs() >= 0 ? e.latencyMs() / 1000d : Double.NaN;
        sink.call(new ModelCall(provider, model, u.inputTokens(), u.outputTokens(), seconds, errorType));
    }

    private LogOut record(TraceLine line, long ordinal, long t, OpenSpan home) {
        LogEvent e = line.event();
        Attrs.Builder a = Attrs.builder().text(SigilNames.EVENT_TYPE, e.eventType()).text(SigilNames.COMPONENT, e.component())
                .text(SigilNames.OPERATION, e.operation()).text(GenAiNames.CONVERSATION_ID, session)
                .number(SigilNames.LINE, ordinal).text(SigilNames.LEVEL, e.level().wireName())
                .text(SigilNames.TIMESTAMP, e.timestamp()).count(SigilNames.TOKENS, e.tokens()).text(SigilNames.ERROR_CODE, e.errorCode());
        Usage u = e.usage();
        if (u.hasModel()) {
            String provider = provider(u.model());
            a.text(GenAiNames.PROVIDER_NAME, provider).text(GenAiNames.REQUEST_MODEL, u.model().substring(provider.length() + 1)).all(usage(u));
            pricer.usd(u, Instant.ofEpochSecond(0, t)).ifPresent(usd -> a.money(SigilNames.COST_USD, usd));
        }
        if (e.isError()) {
            a.text(GenAiNames.ERROR_TYPE, e.errorType().isEmpty() ? e.eventType() : e.errorType());
        }
        JsonNode metadata = line.metadata();
        if (metadata != null && !metadata.isEmpty()) {
            a.text(SigilNames.METADATA, JSON.encodeToString(metadata));
        }
        return new LogOut(traceId, home.spanId, t, Severity.number(e.level()), e.level().wireName(), e.message(), a.build(), resource);
    }

    /** The usage attributes: input counts every input token, cache included, as the conventions and the contract say. */
    static Attrs usage(Usage u) {
        return Attrs.builder().number(GenAiNames.USAGE_INPUT_TOKENS, u.inputTokens()).number(GenAiNames.USAGE_OUTPUT_TOKENS, u.outputTokens())
                .count(GenAiNames.USAGE_CACHE_READ_INPUT_TOKENS, u.cacheReadTokens())
                .count(GenAiNames.USAGE_CACHE_CREATION_INPUT_TOKENS, u.cacheWriteTokens())
                .count(GenAiNames.USAGE_REASONING_OUTPUT_TOKENS, u.reasoningTokens()).build();
    }

    /** {@code provider} of {@code provider:model-id} (the contract's pattern guarantees the colon). */
    static String provider(String model) {
        return model.substring(0, model.indexOf(':'));
    }

    /** Sends a span the log left open: marked unfinished if a start line opened it (its completion never came). */
    private void sendUnfinished(OpenSpan s) {
        if (s.started) {
            s.attributes.flag(SigilNames.UNFINISHED, true);
        }
        s.endNanos = Math.max(s.endNanos, lastNanos == LineTime.UNREADABLE ? s.endNanos : lastNanos);
        sink.span(s.finish(traceId, resource, false));
    }

    private static boolean closes(String type) {
        return type.equals("step_complete") || type.equals("step_error");
    }

    private String workflowName(JsonNode metadata) {
        return GenAiNames.INVOKE_WORKFLOW + " " + pipeline(metadata);
    }

    /** The pipeline a run states (session_start metadata.pipeline), else sigil's. */
    static String pipeline(JsonNode metadata) {
        JsonNode p = metadata == null ? null : metadata.get("pipeline");
        return p != null && p.isString() && !p.stringValue().isEmpty() ? p.stringValue() : "sigil";
    }

    /** The line's time; an unreadable timestamp takes the time of the line before it (else the export's start). */
    private long time(String timestamp) {
        long t = LineTime.nanos(timestamp, zone);
        if (t == LineTime.UNREADABLE) {
            t = lastNanos == LineTime.UNREADABLE ? fallbackNanos : lastNanos;
        }
        lastNanos = t;
        return t;
    }
}
