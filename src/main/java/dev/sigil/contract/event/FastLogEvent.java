package dev.sigil.contract.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.model.Component;

/**
 * {@link LogEventDecoder#decode} of an execution entry straight from the bytes of its line, without a tree: what the
 * monitor needs of every line (docs/benchmarks.md, ADR 0040). It returns the event {@code LogEventDecoder} returns
 * for the line CPython reads, or null ("not sure": another dialect, a message that is not a string, a number it
 * does not read exactly, anything {@link FastJson} does not follow), and the caller builds the tree.
 * {@code FastLogEventProperties} checks it against the exact path. Not thread-safe: one instance per thread.
 */
public final class FastLogEvent {

    private static final List<String> TOP = List.of("timestamp", "session_id", "event_type", "component", "operation", "level",
            "message", "tokens", "metadata");
    private static final List<String> META = List.of("latency_ms", "budget", "total_used", "total_tokens", "error", "error_type",
            LogEventDecoder.TOKENS_USED, "severity", LogEventDecoder.ERROR_INFO, LogEventDecoder.EVENT_ID, LogEventDecoder.PARENT_ID,
            LogEventDecoder.CORRELATION_ID, LogEventDecoder.PHASE, LogEventDecoder.BUDGET_USD,
            LogEventDecoder.OPERATION);
    private static final int TIMESTAMP = 0;
    private static final int SESSION_ID = 1;
    private static final int EVENT_TYPE = 2;
    private static final int COMPONENT = 3;
    private static final int OPERATION = 4;
    private static final int LEVEL = 5;
    private static final int MESSAGE = 6;
    private static final int TOKENS = 7;
    private static final int METADATA = 8;
    private static final int USAGE = 6;
    private static final int SEVERITY = 7;
    private static final int ERROR_INFO = 8;
    private static final int EVENT_ID = 9;
    private static final int BUDGET_USD = 13;
    private static final int META_OPERATION = 14;
    private static final byte[][] TOP_BYTES = FastMembers.bytes(TOP);
    private static final byte[][] META_BYTES = FastMembers.bytes(META);

    private final FastMembers scanner = new FastMembers();
    private final FastJson scan = scanner.scan;
    private final FastUsage usage = new FastUsage(scanner);
    /** Recently seen short texts (session ids, event types, components repeat on every line): one String each. */
    private final String[] seen = new String[256];
    private final FastMembers.Fields top = new FastMembers.Fields(TOP.size());
    private final FastMembers.Fields meta = new FastMembers.Fields(META.size());

    /** The event of the line {@code b[from, to)}, or null when not sure. */
    public LogEvent decode(byte[] b, int from, int to) {
        top.clear();
        meta.clear();
        int i = scanner.members(b, FastJson.skipWs(b, from, to), to, TOP_BYTES, top);
        if (i < 0 || FastJson.skipWs(b, i, to) != to || !isString(b, top, EVENT_TYPE)) {
            return null;
        }
        if (top.has(METADATA) && b[top.start[METADATA]] == '{' && scanner.members(b, top.start[METADATA], to, META_BYTES, meta) < 0) {
            return null;
        }
        if (meta.has(ERROR_INFO)) {
            return null; // an error record: rare, and read by the exact path only (its suggestion comes from the table)
        }
        Usage stated = meta.has(USAGE) ? usage.read(b, meta.start[USAGE], meta.end[USAGE], this) : FastUsage.NOT_CONFORMING;
        if (stated == null) {
            return null;
        }
        Object message = top.has(MESSAGE) && b[top.start[MESSAGE]] == 'n' ? "" : text(b, top, MESSAGE, true);
        long tokens = count(b, top, TOKENS, 0);
        double latency = number(b, meta, 0);
        long budget = count(b, meta, 1, -1);
        long used = count(b, meta, 2, -1);
        long total = count(b, meta, 3, -1);
        if (message == null) {
            return null;
        }
        String eventType = shared(b, top.start[EVENT_TYPE], top.end[EVENT_TYPE]);
        String component = isString(b, top, COMPONENT) ? shared(b, top.start[COMPONENT], top.end[COMPONENT]) : "";
        String sessionId = isString(b, top, SESSION_ID) ? shared(b, top.start[SESSION_ID], top.end[SESSION_ID]) : "";
        String operation = isString(b, top, OPERATION) ? (String) text(b, top, OPERATION, false) : eventType;
        Level level = Level.ofEntry(eventType, (String) text(b, meta, SEVERITY, false));
        if (top.has(LEVEL) && isString(b, top, LEVEL)) {
            Level parsed = Level.parse(string(b, top.start[LEVEL], top.end[LEVEL]));
            level = parsed == null ? level : parsed;
        }
        return new LogEvent(Dialect.EXECUTION_ENTRY, (String) text(b, top, TIMESTAMP, false), sessionId,
                eventType, component, Component.fromWire(component).orElse(null), operation, level, (String) message,
                Math.max(0, tokens), latency, budget, used, total, (String) text(b, meta, 4, false), (String) text(b, meta, 5, false),
                stated == FastUsage.NOT_CONFORMING ? Usage.unknownModel(Math.max(0, tokens)) : stated, "", "", attribution(b),
                LogEventDecoder.dollars(number(b, meta, BUDGET_USD)));
    }

    private Attribution attribution(byte[] b) {
        if (!meta.has(EVENT_ID) && !meta.has(EVENT_ID + 1) && !meta.has(EVENT_ID + 2) && !meta.has(EVENT_ID + 3)
                && !meta.has(META_OPERATION)) {
            return Attribution.NONE;
        }
        return Attribution.of(id(b, EVENT_ID), id(b, EVENT_ID + 1), id(b, EVENT_ID + 2), id(b, EVENT_ID + 3), id(b, META_OPERATION));
    }

    /** An id: one String for the same bytes seen recently (a run's ids repeat on its lines). */
    private String id(byte[] b, int k) {
        return isString(b, meta, k) ? shared(b, meta.start[k], meta.end[k]) : "";
    }

    private static boolean isString(byte[] b, FastMembers.Fields f, int k) {
        return f.has(k) && b[f.start[k]] == '"';
    }

    /**
     * The string literal {@code b[start, end)} (quotes included) as one String for equal bytes seen recently: a small
     * table by hash, checked byte for byte, so a repeated value costs no new String.
     */
    String shared(byte[] b, int start, int end) {
        int n = end - start - 2;
        if (n > 64) {
            return string(b, start, end);
        }
        int h = 1;
        for (int i = start + 1; i < end - 1; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ h >>> 16) & (seen.length - 1);
        String s = seen[slot];
        if (s != null && s.length() == n && matches(s, b, start + 1)) {
            return s;
        }
        s = string(b, start, end);
        // Only plain ASCII texts are kept: their chars are their bytes, so the check above is exact.
        if (s.length() == n && isAscii(b, start + 1, end - 1)) {
            seen[slot] = s;
        }
        return s;
    }

    private static boolean matches(String s, byte[] b, int from) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0 || b[i] == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A string member's text; "" when absent or not a string (null when {@code strict} and not a string). */
    private static Object text(byte[] b, FastMembers.Fields f, int k, boolean strict) {
        if (isString(b, f, k)) {
            return string(b, f.start[k], f.end[k]);
        }
        return strict && f.has(k) ? null : "";
    }

    /** The string whose literal (quotes included) is {@code b[start, end)}, as Jackson decodes it. */
    static String string(byte[] b, int start, int end) {
        return FastJson.decode(b, start, end);
    }

    /**
     * {@code LogEventDecoder.count(v, absent)}: an integer that fits a long, or a finite float below 2^63 cut to a
     * long; {@code absent} for anything else or below 0.
     */
    private long count(byte[] b, FastMembers.Fields f, int k, long absent) {
        if (!f.has(k)) {
            return absent;
        }
        int s = f.start[k];
        int e = f.end[k];
        byte c = b[s];
        if (c != '-' && (c < '0' || c > '9')) {
            return absent;
        }
        scan.number(b, s, e);
        long n;
        if (scan.integral) {
            try {
                n = Long.parseLong(new String(b, s, e - s, StandardCharsets.US_ASCII));
            } catch (NumberFormatException tooLarge) {
                return absent; // Jackson's integer does not fit a long either
            }
        } else {
            double d = Double.parseDouble(new String(b, s, e - s, StandardCharsets.US_ASCII));
            n = Double.isFinite(d) && Math.abs(d) < 0x1p63 ? (long) d : -1;
        }
        return n < 0 ? absent : n;
    }

    /** {@code LogEventDecoder.number(v)}: a finite number, NaN otherwise. */
    private double number(byte[] b, FastMembers.Fields f, int k) {
        if (!f.has(k)) {
            return Double.NaN;
        }
        int s = f.start[k];
        int e = f.end[k];
        byte c = b[s];
        if (c != '-' && (c < '0' || c > '9')) {
            return Double.NaN;
        }
        scan.number(b, s, e);
        String literal = new String(b, s, e - s, StandardCharsets.US_ASCII);
        double d = !scan.integral ? Double.parseDouble(literal)
                : e - s - (c == '-' ? 1 : 0) > 18 ? new java.math.BigInteger(literal).doubleValue() : (double) Long.parseLong(literal);
        return Double.isFinite(d) ? d : Double.NaN;
    }
}
