package dev.sigil.testing;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.PythonTimestamp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Execution entries, about half of them valid, the rest breaking the contract in the ways producers do: wrong
 * types, unknown enum values, timestamps with the known traps, session ids with odd characters, numbers at the edges
 * of the integer rules, extra keys, missing keys, mistyped metadata, usage records that break their rules
 * ({@link UsageArbitraries}).
 */
public final class EntryArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EVENT_TYPES = List.of("session_start", "session_complete", "session_error", "step_start",
            "step_complete", "step_error", "token_consumption", "budget_warning", "budget_exceeded", "retry_attempt",
            "memory_retrieved", "plan_created", "reasoning_step", "contract_validated", "error", "alert");
    private static final List<String> COMPONENTS = List.of("orchestrator", "routing", "memory", "planning", "reasoning",
            "contracts", "validation");
    private static final List<String> INTEGER_KEYS = List.of("budget", "budget_remaining", "steps_completed", "total_tokens",
            "total_used", "total_remaining", "component_used", "retry_count", "max_retries");
    private static final List<String> NUMBER_KEYS = List.of("latency_ms", "total_latency_ms", "quality_score");
    private static final List<String> STRING_KEYS = List.of("error", "error_type", "task", "operation");
    /** Digits other than 0-9 that Python's \d (and Java's, with UNICODE_CHARACTER_CLASS) would match. */
    private static final List<String> UNICODE_DIGITS = List.of("\uff12", "\u0662", "\u0968", "\u09e8", "\u0e52", "\ud835\udfd0");

    private EntryArbitraries() {
    }

    /** Entry-shaped JSON objects, valid or not. */
    public static Arbitrary<JsonNode> entries() {
        List<Arbitrary<JsonNode>> fields = List.of(
                optional(80, timestamps().map(NODES::stringNode), wrongType()),
                optional(80, sessionIds().map(NODES::stringNode), wrongType()),
                optional(80, Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.of(EVENT_TYPES)), Tuple.of(1, Arbitraries.of("STEP_COMPLETE", "", "step"))).map(NODES::stringNode), wrongType()),
                optional(80, Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.of(COMPONENTS)), Tuple.of(1, Arbitraries.of("router", "cli", "Routing"))).map(NODES::stringNode), wrongType()),
                optional(80, JsonArbitraries.strings().map(NODES::stringNode), wrongType()),
                optional(20, counts(), wrongType()),
                optional(20, metadata(), wrongType()));
        List<String> names = List.of("timestamp", "session_id", "event_type", "component", "message", "tokens", "metadata");
        Arbitrary<ObjectNode> base = Combinators.combine(fields).as(values -> {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                if (!values.get(i).isMissingNode()) {
                    o.set(names.get(i), values.get(i));
                }
            }
            return o;
        });
        Arbitrary<String> extraKey = Arbitraries.frequencyOf(Tuple.of(60, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("level", "id", "operation")), Tuple.of(1, JsonArbitraries.strings()));
        return Combinators.combine(base, extraKey, JsonArbitraries.leaves()).as((o, key, value) -> {
            if (!key.isEmpty()) {
                o.set(key, value);
            }
            return (JsonNode) o;
        });
    }

    /** A field present with a valid-looking value most of the time, absent or wrongly typed otherwise. */
    private static Arbitrary<JsonNode> optional(int weight, Arbitrary<JsonNode> value, Arbitrary<JsonNode> wrong) {
        return Arbitraries.frequencyOf(Tuple.of(weight, value), Tuple.of(1, Arbitraries.just(MissingNode.getInstance())), Tuple.of(1, wrong));
    }

    private static Arbitrary<JsonNode> wrongType() {
        return JsonArbitraries.leaves();
    }

    /** Numbers for the integer rules (type integer, 0 <= n <= 2^63-1), with their edges. */
    public static Arbitrary<JsonNode> counts() {
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.longs().between(0, 1_000_000).map(NODES::numberNode)),
                Tuple.of(2, Arbitraries.of(max.subtract(BigInteger.ONE), max, max.add(BigInteger.ONE), max.add(BigInteger.TWO),
                        BigInteger.ZERO, BigInteger.ONE.negate(), BigInteger.TWO.pow(64), BigInteger.TEN.pow(40)).map(NODES::numberNode)),
                Tuple.of(2, Arbitraries.of(5.0, 0.0, -0.0, 1.5, -1.0, 0x1p63, Math.nextDown(0x1p63), 0x1p62, 1e300, 1e-300,
                        Double.MIN_VALUE, 4.5e15, 9007199254740993.0).map(NODES::numberNode)),
                Tuple.of(1, JsonArbitraries.integers()));
    }

    public static Arbitrary<JsonNode> metadata() {
        Arbitrary<JsonNode> known = Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(Arbitraries.of(INTEGER_KEYS), counts()).as(EntryArbitraries::pair)),
                Tuple.of(6, Combinators.combine(Arbitraries.of(NUMBER_KEYS), JsonArbitraries.doubles().filter(Double::isFinite).map(NODES::numberNode)).as(EntryArbitraries::pair)),
                Tuple.of(6, Combinators.combine(Arbitraries.of(STRING_KEYS), JsonArbitraries.strings().map(NODES::stringNode)).as(EntryArbitraries::pair)),
                Tuple.of(3, Arbitraries.of(pair("agent", NODES.nullNode()), pair("agent", NODES.stringNode("lead_qualifier")),
                        pair("should_retry", NODES.booleanNode(true)), pair("warning_level", NODES.stringNode("critical")),
                        pair("warning_level", NODES.stringNode("high")), pair("category", NODES.stringNode("transient")),
                        pair("category", NODES.stringNode("Transient")), pair("severity", NODES.stringNode("debug")),
                        pair("severity", NODES.stringNode("fatal")), pair("severity", NODES.stringNode("critical")))),
                Tuple.of(3, errorInfo().map(v -> pair("error_info", v))),
                Tuple.of(2, Combinators.combine(Arbitraries.of(concat(INTEGER_KEYS, NUMBER_KEYS, STRING_KEYS, List.of("agent", "should_retry",
                        "warning_level", "category", "severity"))), JsonArbitraries.leaves()).as(EntryArbitraries::pair)),
                Tuple.of(8, Combinators.combine(JsonArbitraries.strings(), JsonArbitraries.values(2).filter(EntryArbitraries::finite)).as(EntryArbitraries::pair)),
                Tuple.of(5, UsageArbitraries.records().map(u -> pair("tokens_used", u))),
                Tuple.of(5, AttributionArbitraries.pairs().map(p -> pair(p[0].stringValue(), p[1]))));
        return known.list().ofMaxSize(5).map(pairs -> {
            ObjectNode o = NODES.objectNode();
            for (JsonNode p : pairs) {
                o.set(p.get("k").stringValue(), p.get("v"));
            }
            return o;
        });
    }

    /**
     * Error records (docs/errors.md): mostly conforming to #/definitions/error_info, sometimes with one of its rules
     * broken (a required key missing, a code off the pattern, an unknown key, a mistyped value, a bad context).
     */
    public static Arbitrary<JsonNode> errorInfo() {
        Arbitrary<ObjectNode> context = Combinators.combine(Arbitraries.of("reasoning", "contracts", "r\u00e9sum\u00e9"),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 5), Arbitraries.of(true, false),
                Arbitraries.of("", "last_step", "attempt_text")).as((component, attempt, max, partial, odd) -> {
                    ObjectNode c = NODES.objectNode().put("last_component", component).put("last_operation", "tree_of_thoughts");
                    c.put("attempt", attempt).put("max_attempts", max).put("partial_result_available", partial);
                    if (odd.equals("last_step")) {
                        c.put("last_step", "x");
                    } else if (odd.equals("attempt_text")) {
                        c.put("attempt", "1");
                    }
                    return c;
                });
        return Combinators.combine(Arbitraries.of("TOKEN_001", "CONTRACT_002", "A9_000", "step_001", "STEP_01", "STEP_0011", "STEP_001\n"),
                Arbitraries.of(true, false), Arbitraries.of("", "transient", "fatal"), Arbitraries.of("", "critical", "warn"),
                Arbitraries.longs().between(-1, 120_000), context,
                Arbitraries.of("", "drop_code", "drop_recoverable", "extra", "recoverable_text", "suggestion_null", "ms_float"))
                .as((code, recoverable, category, severity, retryAfter, ctx, broken) -> {
                    ObjectNode e = NODES.objectNode().put("error_type", "RateLimitError").put("error_message", "slow down \u2014 429");
                    e.put("error_code", code).put("recoverable", recoverable);
                    if (!category.isEmpty()) {
                        e.put("category", category);
                    }
                    if (!severity.isEmpty()) {
                        e.put("severity", severity);
                    }
                    e.put("retry_after_ms", retryAfter).put("suggestion", "Will retry automatically").set("context", ctx);
                    switch (broken) {
                        case "drop_code" -> e.remove("error_code");
                        case "drop_recoverable" -> e.remove("recoverable");
                        case "extra" -> e.put("retry_after", 20);
                        case "recoverable_text" -> e.put("recoverable", "true");
                        case "suggestion_null" -> e.putNull("suggestion");
                        case "ms_float" -> e.put("retry_after_ms", 1.5);
                        default -> { }
                    }
                    return e;
                });
    }

    /** Non-finite numbers are mixed in by the leaves often enough; nested values stay finite so more entries are valid. */
    private static boolean finite(JsonNode v) {
        if (v.isFloatingPointNumber()) {
            return Double.isFinite(v.doubleValue());
        }
        for (JsonNode child : v.values()) {
            if (!finite(child)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode pair(String key, JsonNode value) {
        ObjectNode p = NODES.objectNode();
        p.put("k", key);
        p.set("v", value);
        return p;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** Session ids: mostly valid, sometimes too long, empty, or with characters outside [A-Za-z0-9_-]. */
    public static Arbitrary<String> sessionIds() {
        Arbitrary<String> valid = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
                .ofMinLength(1).ofMaxLength(64);
        Arbitrary<String> odd = Combinators.combine(valid, Arbitraries.of("\n", " ", "/", ".", "\u00e9", "\u0663", "\uff21", "\u0000", ""),
                Arbitraries.integers().between(0, 2)).as((s, c, where) -> where == 0 ? c + s : where == 1 ? s + c : s.substring(0, s.length() / 2) + c + s.substring(s.length() / 2));
        return Arbitraries.frequencyOf(Tuple.of(20, valid), Tuple.of(2, odd), Tuple.of(1, Arbitraries.of("", "a".repeat(64), "a".repeat(65))));
    }

    /** Timestamps: what isoformat() writes, RFC 3339 forms, and the traps of docs/contract.md section 3. */
    public static Arbitrary<String> timestamps() {
        Arbitrary<LocalDateTime> dateTimes = Combinators.combine(Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59), Arbitraries.of(0, 1, 999_999, 123_456, 500_000))
                .as((y, mo, d, h, mi, s, us) -> LocalDateTime.of(y, mo, d, h, mi, s, us * 1000));
        Arbitrary<String> naive = dateTimes.map(PythonTimestamp::isoformat);
        Arbitrary<String> aware = Combinators.combine(dateTimes, Arbitraries.integers().between(-86_399, 86_399)
                .map(s -> s % 60 == 0 || s % 7 != 0 ? s - s % 60 : s))
                .as((t, offset) -> PythonTimestamp.isoformat(OffsetDateTime.of(t, ZoneOffset.ofTotalSeconds(Math.max(-64_800, Math.min(64_800, offset))))));
        Arbitrary<String> rfc3339 = Combinators.combine(naive.map(s -> s.length() > 19 ? s.substring(0, 19) : s), Arbitraries.of("T", "t"),
                Arbitraries.strings().numeric().ofMaxLength(9), Arbitraries.of("Z", "z", "+00:00", "-05:30", "+14:00", ""))
                .as((t, sep, fraction, zone) -> t.substring(0, 10) + sep + t.substring(11) + (fraction.isEmpty() ? "" : "." + fraction) + zone);
        Arbitrary<String> good = Arbitraries.frequencyOf(Tuple.of(3, naive), Tuple.of(2, aware), Tuple.of(2, rfc3339));
        return Arbitraries.frequencyOf(Tuple.of(12, good), Tuple.of(3, Combinators.combine(good, traps()).as((t, trap) -> trap.apply(t))),
                Tuple.of(1, JsonArbitraries.strings()));
    }

    /** One way to break (or not) a timestamp. */
    @FunctionalInterface
    public interface Trap {
        String apply(String timestamp);
    }

    private static Arbitrary<Trap> traps() {
        return Arbitraries.<Trap>of(
                t -> t + "\n", t -> t + " ", t -> " " + t, t -> t + "\r", t -> t.replace('T', ' '), t -> t.toLowerCase(java.util.Locale.ROOT),
                t -> t.substring(0, 11) + "24" + t.substring(13), t -> t.substring(0, 17) + "60" + t.substring(19),
                t -> t.substring(0, 17) + "61" + t.substring(19), t -> t.substring(0, 5) + "13" + t.substring(7),
                t -> t.substring(0, 5) + "00" + t.substring(7), t -> t.substring(0, 8) + "32" + t.substring(10),
                t -> t.substring(0, 8) + "31" + t.substring(10), t -> t.substring(0, 16), t -> t + "Z", t -> t + "+0530",
                t -> t + "+05:30:15.1", t -> t + "+05:30:15.123456", t -> t + "+24:00", t -> t + ".", t -> t + "+05:30:15",
                t -> UNICODE_DIGITS.get(Math.abs(t.hashCode()) % UNICODE_DIGITS.size()) + t.substring(1),
                t -> t.substring(0, 18) + UNICODE_DIGITS.get(Math.abs(t.hashCode() / 7) % UNICODE_DIGITS.size()) + t.substring(19));
    }
}
