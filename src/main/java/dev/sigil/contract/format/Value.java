package dev.sigil.contract.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.Level;
import tools.jackson.databind.JsonNode;

/**
 * Where one field of the event comes from (docs/formats.md §5): alternatives tried in order, each a path (or several),
 * a constant, a sum or a difference, with its transforms (a prefix, a table of replacements, a default, the kind of
 * timestamp, the unit of a duration, the scale of numeric levels). A value of the wrong kind for the field (a number
 * where a text is wanted) counts as no value; JSON null is no value. Immutable and thread-safe.
 */
final class Value {

    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    private static final BigDecimal LONG_LIMIT = new BigDecimal(BigInteger.ONE.shiftLeft(63));

    /** Where an alternative reads its value. */
    private sealed interface Source permits Read, Constant, Sum, Difference, Nothing {
    }

    private record Read(List<FieldPath> paths, FieldPath[] each) implements Source {

        Read(List<FieldPath> paths) {
            this(paths, paths.toArray(new FieldPath[0]));
        }
    }

    private record Constant(JsonNode value) implements Source {
    }

    private record Sum(List<FieldPath> parts, boolean all) implements Source {
    }

    private record Difference(FieldPath from, FieldPath minus) implements Source {
    }

    private record Nothing() implements Source {
    }

    /** One alternative and its transforms. */
    private record Alternative(Source source, String prefix, Map<String, JsonNode> map, EpochTime.Kind kind,
                               double millisPerUnit, LevelScale scale, boolean numericStrings, boolean nonEmpty) {
    }

    static final Value NONE = new Value(List.of(), null);

    private final List<Alternative> alternatives;
    /** The same, as an array: tried on every line (no iterator). */
    private final Alternative[] tried;
    /** The value when no alternative (and no rule) gives one, or null. */
    private final JsonNode dflt;

    private Value(List<Alternative> alternatives, JsonNode dflt) {
        this.alternatives = alternatives;
        this.tried = alternatives.toArray(new Alternative[0]);
        this.dflt = dflt == null || dflt.isNull() ? null : dflt;
    }

    /** The value the (schema-checked) spec {@code spec} writes; problems go to {@code paths}. */
    static Value of(JsonNode spec, Paths paths) {
        if (spec == null) {
            return NONE;
        }
        List<Alternative> out = new ArrayList<>();
        JsonNode dflt = null;
        if (spec.isArray()) {
            int i = 0;
            for (JsonNode item : spec.values()) {
                out.add(alternative(item, paths.at(String.valueOf(i++))));
                if (dflt == null && item.isObject()) {
                    dflt = item.get("default");
                }
            }
        } else {
            out.add(alternative(spec, paths));
            dflt = spec.isObject() ? spec.get("default") : null;
        }
        return new Value(List.copyOf(out), dflt);
    }

    private static Alternative alternative(JsonNode spec, Paths paths) {
        if (spec.isString()) {
            return new Alternative(new Read(List.of(paths.one(spec.stringValue(), ""))), "", Map.of(), EpochTime.Kind.ISO8601, 1,
                    null, false, false);
        }
        Source source;
        if (spec.has("path")) {
            source = new Read(paths.list(spec.get("path"), "path"));
        } else if (spec.has("constant")) {
            source = new Constant(spec.get("constant"));
        } else if (spec.has("sum")) {
            source = new Sum(paths.list(spec.get("sum"), "sum"), spec.path("all").asBoolean(false));
        } else if (spec.has("difference")) {
            List<FieldPath> two = paths.list(spec.get("difference"), "difference");
            source = new Difference(two.get(0), two.get(1));
        } else {
            source = new Nothing();
        }
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (spec.has("map")) {
            spec.get("map").properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        }
        LevelScale scale = null;
        JsonNode s = spec.get("scale");
        if (s != null) {
            Map<String, String> table = new LinkedHashMap<>();
            if (s.isObject()) {
                s.properties().forEach(e -> table.put(e.getKey(), e.getValue().stringValue()));
            }
            scale = s.isString() ? LevelScale.named(s.stringValue()) : LevelScale.of(table);
        }
        EpochTime.Kind kind = spec.has("kind") ? EpochTime.Kind.of(spec.get("kind").stringValue()) : EpochTime.Kind.ISO8601;
        double millis = switch (spec.path("unit").asString("ms")) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "s" -> 1000;
            default -> 1;
        };
        return new Alternative(source, spec.path("prefix").asString(""), Map.copyOf(map), kind, millis, scale,
                spec.path("numeric_strings").asBoolean(false), spec.path("non_empty").asBoolean(false));
    }

    /** Every path it reads (for {@link Projection}); {@code whole} when all below them is needed (a message). */
    void reads(List<Projection.Read> out, boolean whole) {
        for (Alternative a : alternatives) {
            if (a.source instanceof Read r) {
                r.paths.forEach(p -> out.add(new Projection.Read(p, whole)));
            } else if (a.source instanceof Sum s) {
                s.parts.forEach(p -> out.add(new Projection.Read(p, false)));
            } else if (a.source instanceof Difference d) {
                out.add(new Projection.Read(d.from, false));
                out.add(new Projection.Read(d.minus, false));
            }
        }
    }

    /** Whether it has a default. */
    boolean hasDefault() {
        return dflt != null;
    }

    /** Whether no alternative is given (the field comes from rules or stays empty). */
    boolean isNone() {
        return alternatives.isEmpty();
    }

    /** The text of a text field, or null. */
    String text(Record r) {
        for (Alternative a : tried) {
            JsonNode v = first(a, r);
            String t = v != null && v.isString() ? v.stringValue() : null;
            if (t != null && !(a.nonEmpty && t.isEmpty())) {
                JsonNode replaced = a.map.get(t);
                if (replaced != null && replaced.isString()) {
                    t = replaced.stringValue();
                }
                return a.prefix.isEmpty() ? t : a.prefix + t;
            }
        }
        return null;
    }

    /** The message: a text as itself, any other value in its JSON form; or null. */
    String message(Record r) {
        for (Alternative a : tried) {
            JsonNode v = first(a, r);
            if (v != null) {
                String t = v.isString() ? v.stringValue() : JSON.encodeToString(v);
                return a.prefix.isEmpty() ? t : a.prefix + t;
            }
        }
        return null;
    }

    /**
     * {@link #message} into {@code out}: a string at a slot of the line's bytes given as its literal (no text made,
     * ADR 0290), anything else as {@link #message} gives it; false for none.
     */
    boolean message(Record r, LineFields out) {
        Slots slots = r.slots();
        for (Alternative a : tried) {
            if (slots == null || !a.prefix.isEmpty() || !(a.source instanceof Read read)) {
                JsonNode v = first(a, r);
                if (v != null) {
                    String t = v.isString() ? v.stringValue() : JSON.encodeToString(v);
                    out.message(a.prefix.isEmpty() ? t : a.prefix + t);
                    return true;
                }
                continue;
            }
            for (FieldPath p : read.each) {
                if (slots.literal(p, out)) {
                    return true;
                }
                JsonNode v = r.at(p);
                if (v != null) {
                    out.message(v.isString() ? v.stringValue() : JSON.encodeToString(v));
                    return true;
                }
            }
        }
        return false;
    }

    /** A count: a whole number of at least 0 (a float is cut toward zero), or -1 for none. */
    long count(Record r) {
        for (Alternative a : tried) {
            long n;
            if (a.source instanceof Sum s) {
                n = sum(s, r, a.numericStrings);
            } else if (a.source instanceof Difference d) {
                BigDecimal v = difference(d, r, a.numericStrings);
                n = v == null ? -1 : count(v);
            } else {
                n = countOf(first(a, r), a.numericStrings);
            }
            if (n >= 0) {
                return n;
            }
        }
        return -1;
    }

    /** A duration in milliseconds (any finite number, in the alternative's unit), or NaN. */
    double millis(Record r) {
        for (Alternative a : tried) {
            double d;
            if (a.source instanceof Difference diff) {
                BigDecimal v = difference(diff, r, a.numericStrings);
                d = v == null ? Double.NaN : v.doubleValue();
            } else {
                d = number(first(a, r), a.numericStrings);
            }
            if (!Double.isNaN(d)) {
                d *= a.millisPerUnit;
                return Double.isFinite(d) ? d : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** The level: a name (replaced through the table first) or a number on the scale; null for none. */
    Level level(Record r) {
        for (Alternative a : tried) {
            JsonNode v = first(a, r);
            Level l = null;
            if (v != null && v.isString()) {
                JsonNode replaced = a.map.get(v.stringValue());
                l = Level.parse(replaced != null && replaced.isString() ? replaced.stringValue() : v.stringValue());
            } else if (v != null && v.isNumber() && a.scale != null) {
                JsonNode replaced = a.map.isEmpty() ? null : a.map.get(v.asString());
                l = replaced != null && replaced.isString() ? Level.parse(replaced.stringValue())
                        : v.isIntegralNumber() && v.canConvertToLong() ? a.scale.level(v.longValue()) : a.scale.level(safeDouble(v));
            }
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    /** The timestamp's text: as written for ISO-8601, else the ISO text of the epoch count; or null. */
    String timestamp(Record r) {
        for (Alternative a : tried) {
            String t = timestamp(a, first(a, r));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * {@link #timestamp(Record)} into {@code out} (ADR 0290): a whole epoch count as the second of its day, no text
     * made (the line shows {@code HH:MM:SS} alone), anything else as its text; false for none.
     */
    boolean timestamp(Record r, LineFields out) {
        for (Alternative a : tried) {
            JsonNode v = first(a, r);
            if (a.kind != EpochTime.Kind.ISO8601 && v != null && v.isIntegralNumber() && v.canConvertToLong()) {
                long m = EpochTime.micros(v.longValue(), a.kind);
                if (m != EpochTime.OUT_OF_RANGE) {
                    out.clock(EpochTime.secondOfDay(m));
                    return true;
                }
                continue;
            }
            String t = timestamp(a, v);
            if (t != null) {
                out.timestamp(t);
                return true;
            }
        }
        return false;
    }

    private static String timestamp(Alternative a, JsonNode v) {
        if (a.kind == EpochTime.Kind.ISO8601) {
            return v != null && v.isString() ? v.stringValue() : null;
        }
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return EpochTime.iso(v.longValue(), a.kind);
        }
        long plain = v != null && v.isString() ? plainLong(v.stringValue()) : NOT_PLAIN; // OTLP's nanoseconds: 19 digits
        BigDecimal count = plain != NOT_PLAIN ? null : decimal(v, true);
        return plain != NOT_PLAIN ? EpochTime.iso(plain, a.kind) : count == null ? null : EpochTime.iso(count, a.kind);
    }

    /** The default as a text (a number or a boolean in its JSON form), or null. */
    String textDefault() {
        return dflt == null ? null : dflt.isString() ? dflt.stringValue() : JSON.encodeToString(dflt);
    }

    /** The default as a count, or -1. */
    long countDefault() {
        return count(decimal(dflt, false));
    }

    /** The default as a duration in milliseconds (taken in milliseconds), or NaN. */
    double millisDefault() {
        BigDecimal v = decimal(dflt, false);
        return v == null ? Double.NaN : v.doubleValue();
    }

    /** The default as a level, or null. */
    Level levelDefault() {
        return dflt != null && dflt.isString() ? Level.parse(dflt.stringValue()) : null;
    }

    /** The raw value an alternative reads (the first of its paths that gives one), or null. */
    private static JsonNode first(Alternative a, Record r) {
        if (a.source instanceof Read read) {
            for (FieldPath p : read.each) {
                JsonNode v = r.at(p);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        if (a.source instanceof Constant c) {
            return c.value.isNull() ? null : c.value;
        }
        return null;
    }

    private static BigDecimal difference(Difference d, Record r, boolean numericStrings) {
        BigDecimal from = decimal(r.at(d.from), numericStrings);
        BigDecimal minus = decimal(r.at(d.minus), numericStrings);
        return from == null || minus == null ? null : from.subtract(minus);
    }

    private static long sum(Sum s, Record r, boolean numericStrings) {
        long total = 0;
        boolean any = false;
        for (FieldPath p : s.parts) {
            long n = countOf(r.at(p), numericStrings);
            if (n < 0) {
                if (s.all) {
                    return -1;
                }
                continue;
            }
            any = true;
            total = total > Long.MAX_VALUE - n ? Long.MAX_VALUE : total + n;
        }
        return any ? total : -1;
    }

    /** {@link #plainLong}'s answer for a text it does not read. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * The value of a digit string {@link #decimal} reads (an optional {@code -}, then digits) when it fits a long, else
     * {@link #NOT_PLAIN} (then read it as a decimal): OTLP writes its 64-bit integers as such strings, token counts and
     * timestamps of 19 digits, which need no {@code BigDecimal} (ADR 0260).
     */
    static long plainLong(String s) {
        int n = s.length();
        boolean negative = n > 1 && s.charAt(0) == '-';
        int i = negative ? 1 : 0;
        if (n == 0 || n - i > 19) {
            return NOT_PLAIN;
        }
        long v = 0;
        for (; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return NOT_PLAIN;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** A count of the value {@code v} (a digit string too when allowed): {@link #count(BigDecimal)} of its decimal. */
    private static long countOf(JsonNode v, boolean numericStrings) {
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return Math.max(-1, v.longValue());
        }
        long plain = numericStrings && v != null && v.isString() ? plainLong(v.stringValue()) : NOT_PLAIN;
        return plain != NOT_PLAIN ? Math.max(-1, plain) : count(decimal(v, numericStrings));
    }

    /** A number as a decimal (digit strings too when allowed), or null; NaN and infinities are no number. */
    static BigDecimal decimal(JsonNode v, boolean numericStrings) {
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return new BigDecimal(v.bigIntegerValue());
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        if (numericStrings && v.isString()) {
            String s = v.stringValue();
            if (s.isEmpty() || s.length() > 40) {
                return null;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if ((c < '0' || c > '9') && !(i == 0 && c == '-' && s.length() > 1)) {
                    return null;
                }
            }
            return new BigDecimal(s);
        }
        return null;
    }

    /** A finite number as a double (its sign kept: -0.0 stays), or NaN. */
    /** A number node's value as a double, infinite beyond the range (Jackson refuses doubleValue() of a huge integer). */
    private static double safeDouble(JsonNode v) {
        return v.isIntegralNumber() ? v.bigIntegerValue().doubleValue() : v.doubleValue();
    }

    private static double number(JsonNode v, boolean numericStrings) {
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue(); // as BigDecimal's doubleValue rounds it: to the nearest double
        }
        if (v != null && v.isNumber() && !v.isIntegralNumber()) {
            double d = v.doubleValue();
            return Double.isFinite(d) ? d : Double.NaN;
        }
        BigDecimal b = decimal(v, numericStrings);
        return b == null ? Double.NaN : b.doubleValue();
    }

    /** A count from a decimal: cut toward zero, -1 when negative or beyond a long. */
    private static long count(BigDecimal v) {
        if (v == null || v.abs().compareTo(LONG_LIMIT) >= 0) {
            return -1;
        }
        long n = v.longValue();
        return n < 0 ? -1 : n;
    }
}
