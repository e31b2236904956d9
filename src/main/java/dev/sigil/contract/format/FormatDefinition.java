package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.event.Attribution;
import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.model.Component;
import tools.jackson.databind.JsonNode;

/**
 * One format, compiled from its definition (docs/formats.md): whether a line is of it, and the events its line
 * maps to. Pure, immutable and thread-safe; never throws on odd content (a value of the wrong kind is no value).
 */
public final class FormatDefinition {

    /** The fields of the event a definition maps, by their names in the definition. */
    enum Field {
        TIMESTAMP, SESSION, EVENT, COMPONENT, CONTRACT_COMPONENT, OPERATION, LEVEL, MESSAGE, TOKENS, DURATION, BUDGET, BUDGET_USED,
        SESSION_TOTAL, ERROR, ERROR_TYPE, ERROR_CODE, ERROR_CATEGORY, SUGGESTION, EVENT_ID, PARENT_ID, CORRELATION_ID, PHASE,
        ATTRIBUTION_OPERATION, BUDGET_USD;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Field of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A rule: when its condition holds, values for fields the line does not give. */
    record Rule(Condition when, Map<Field, String> set) {
    }

    private final String name;
    private final String title;
    private final String description;
    private final String source;
    private final Dialect dialect;
    private final FieldPath records;
    private final Condition match;
    private final Map<Field, Value> fields;
    private final List<Rule> rules;
    private final UsageSpec usage;
    private final List<FieldPath> dedupe;
    private final List<String> examples;
    /** Read by the hand-written decoder of its native dialect, which gives what the definition gives (the two built-in native formats). */
    private final boolean nativeDecoder;
    private volatile Projection projection;
    /** The fields' values by {@link Field#ordinal()} ({@link Value#NONE} for those not given), and whether anything can give one. */
    private final Value[] byField;
    private final boolean[] live;
    private final boolean[] ruled;

    FormatDefinition(String name, String title, String description, String source, Dialect dialect, FieldPath records,
                     Condition match, Map<Field, Value> fields, List<Rule> rules, UsageSpec usage, List<FieldPath> dedupe,
                     List<String> examples) {
        this(name, title, description, source, dialect, records, match, fields, rules, usage, dedupe, examples, false);
    }

    private FormatDefinition(String name, String title, String description, String source, Dialect dialect, FieldPath records,
                             Condition match, Map<Field, Value> fields, List<Rule> rules, UsageSpec usage, List<FieldPath> dedupe,
                             List<String> examples, boolean nativeDecoder) {
        this.nativeDecoder = nativeDecoder;
        this.name = name;
        this.title = title;
        this.description = description;
        this.source = source;
        this.dialect = dialect;
        this.records = records;
        this.match = match;
        this.fields = new EnumMap<>(fields);
        this.rules = List.copyOf(rules);
        this.usage = usage;
        this.dedupe = List.copyOf(dedupe);
        this.examples = List.copyOf(examples);
        Field[] all = Field.values();
        this.byField = new Value[all.length];
        this.live = new boolean[all.length];
        this.ruled = new boolean[all.length];
        for (Field f : all) {
            Value v = this.fields.getOrDefault(f, Value.NONE);
            byField[f.ordinal()] = v;
            this.rules.forEach(r -> ruled[f.ordinal()] |= r.set.containsKey(f));
            live[f.ordinal()] = !v.isNone() || v.hasDefault() || ruled[f.ordinal()];
        }
    }

    /** Whether its lines may restate a model call an earlier line reported (it names what identifies a call). */
    public boolean restatesCalls() {
        return !dedupe.isEmpty();
    }

    public String name() {
        return name;
    }

    /** The same format read by the hand-written decoder of its dialect (the built-in sigil and operation-log formats). */
    FormatDefinition withNativeDecoder() {
        return new FormatDefinition(name, title, description, source, dialect, records, match, fields, rules, usage, dedupe, examples, true);
    }

    /** Whether it is read by a hand-written decoder ({@link dev.sigil.contract.event.LogEventDecoder}). */
    boolean nativeDecoder() {
        return nativeDecoder;
    }

    /** What of a line it reads, made on first need (for {@link FastProjection}). */
    Projection projection() {
        Projection p = projection;
        if (p == null) {
            List<Projection.Read> reads = new ArrayList<>();
            match.reads(reads);
            fields.forEach((f, v) -> v.reads(reads, f == Field.MESSAGE));
            rules.forEach(r -> r.when.reads(reads));
            usage.reads(reads);
            dedupe.forEach(d -> reads.add(new Projection.Read(d, false)));
            p = Projection.of(records, reads);
            projection = p;
        }
        return p;
    }

    /**
     * {@link #read} of the line {@code b[from, to)} from its bytes through {@code scanner}; null when the line is not of
     * this format or the scanner is not sure (read it the exact way then).
     */
    public List<Mapped> readFast(byte[] b, int from, int to, FastProjection scanner) {
        if (nativeDecoder) {
            return null;
        }
        Projection p = projection();
        if (p.slotCount() >= 0) {
            Slots slots = scanner.readSlots(b, from, to, p);
            if (slots == null) {
                return null;
            }
            if (records == null) {
                Record r = Record.ofSlots(slots);
                return match.holds(r, null) ? List.of(map(r)) : null;
            }
            List<Mapped> out = new ArrayList<>(slots.recordCount());
            for (int i = 0, n = slots.recordCount(); i < n; i++) {
                slots.select(i);
                Record r = Record.ofSlots(slots);
                if (match.holds(r, null)) {
                    out.add(map(r));
                }
            }
            return out.isEmpty() ? null : out;
        }
        JsonNode tree = scanner.read(b, from, to, p);
        return tree == null ? null : readAsDefined(tree, true);
    }

    /** The top-level members a line cannot be of this format without (those its match or its records path need). */
    java.util.Set<String> requiredMembers() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (records != null) {
            if (!records.steps().isEmpty() && records.steps().get(0) instanceof FieldPath.Member m && m.index() < 0) {
                out.add(m.name());
            }
        } else {
            match.requiredMembers(out);
        }
        return out;
    }

    /** Whether it ships with sigil. */
    public boolean builtIn() {
        return source.equals("built-in");
    }

    /** A few words for {@code sigil formats} ("" when the definition has none). */
    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Where it was read from: {@code built-in}, or the file. */
    public String source() {
        return source;
    }

    /** How the monitor totals its lines' tokens. */
    public Dialect dialect() {
        return dialect;
    }

    /** Its example lines. */
    public List<String> examples() {
        return examples;
    }

    /** Whether the same model call may be written on several lines (the definition names what identifies one). */
    public boolean restates() {
        return !dedupe.isEmpty();
    }

    /** Whether {@code line} (a parsed line) is of this format: it, or one of its records, matches. */
    public boolean recognises(JsonNode line) {
        if (nativeDecoder) {
            return NativeDialects.recognises(dialect, line);
        }
        return recognisesAsDefined(line);
    }

    /** {@link #recognises} by the definition itself (what the hand-written decoders are checked against). */
    boolean recognisesAsDefined(JsonNode line) {
        if (records == null) {
            return match.holds(Record.ofLine(line), null);
        }
        boolean[] found = {false};
        records.each(line, (value, scopes) -> found[0] |= !found[0] && match.holds(new Record(value, scopes), null));
        return found[0];
    }

    /** The events of {@code line}, one per record that matches; null when the line is not of this format. */
    public List<Mapped> read(JsonNode line) {
        if (nativeDecoder) {
            return line != null && NativeDialects.recognises(dialect, line) ? List.of(Mapped.of(LogEventDecoder.decode(line))) : null;
        }
        return readAsDefined(line);
    }

    /** {@link #read} by the definition itself (what the hand-written decoders are checked against). */
    List<Mapped> readAsDefined(JsonNode line) {
        return readAsDefined(line, false);
    }

    /** {@link #readAsDefined(JsonNode)}; {@code indexed}: filter steps looked up in each record's {@link FilterIndex}. */
    private List<Mapped> readAsDefined(JsonNode line, boolean indexed) {
        if (line == null || !line.isObject()) {
            return null;
        }
        if (records == null) {
            Record r = indexed ? Record.indexed(line, new JsonNode[] {line}) : Record.ofLine(line);
            return match.holds(r, null) ? List.of(map(r)) : null;
        }
        List<Mapped> out = new ArrayList<>(2);
        records.each(line, (value, scopes) -> {
            Record r = indexed ? Record.indexed(value, scopes) : new Record(value, scopes);
            if (match.holds(r, null)) {
                out.add(map(r));
            }
        });
        return out.isEmpty() ? null : out;
    }

    /** Whether {@link #readLinesFast} reads its lines (else {@link #readFast} does, or the exact path). */
    public boolean readsLines() {
        return !nativeDecoder && projection().slotCount() >= 0;
    }

    /**
     * What tail's line shows of each event of the line {@code b[from, to)}, read from its bytes through {@code scanner}
     * into {@code out} without making the events (ADR 0290): true when read, false when the line is not of this format
     * or the scanner is not sure (read it the exact way then). Only for a format that {@link #readsLines()}.
     */
    public boolean readLinesFast(byte[] b, int from, int to, FastProjection scanner, MappedLines out) {
        out.clear();
        Slots slots = scanner.readSlots(b, from, to, projection());
        if (slots == null) {
            return false;
        }
        if (records == null) {
            Record r = Record.ofSlots(slots);
            if (!match.holds(r, null)) {
                return false;
            }
            line(r, out.add());
            return true;
        }
        for (int i = 0, n = slots.recordCount(); i < n; i++) {
            slots.select(i);
            Record r = Record.ofSlots(slots);
            if (match.holds(r, null)) {
                line(r, out.add());
            }
        }
        return out.size() > 0;
    }

    /** The fields of {@link #map}{@code (r)}'s event that tail's line shows, and what counts a restated call. */
    private void line(Record r, LineFields out) {
        Level level = level(r);
        out.level = level;
        out.component = text(Field.COMPONENT, r, level);
        out.operation = text(Field.OPERATION, r, level);
        out.format = name;
        if (!live[Field.MESSAGE.ordinal()] || !fields(Field.MESSAGE).message(r, out)) {
            String t = live[Field.MESSAGE.ordinal()] ? rule(Field.MESSAGE, r, level) : null;
            if (t == null && live[Field.MESSAGE.ordinal()]) {
                t = fields(Field.MESSAGE).textDefault();
            }
            out.message(orEmpty(t));
        }
        if (!fields(Field.TIMESTAMP).timestamp(r, out)) {
            out.timestamp(orEmpty(fields(Field.TIMESTAMP).textDefault()));
        }
        out.callKey = callKey(r);
        out.usage = out.callKey == null ? null : usage.build(r, count(Field.TOKENS, r, -1)).usage();
    }

    private Level level(Record r) {
        Level level = fields(Field.LEVEL).level(r);
        if (level == null) {
            String ruled = rule(Field.LEVEL, r, null);
            level = ruled != null ? Level.parse(ruled) : fields(Field.LEVEL).levelDefault();
        }
        return level == null ? Level.INFO : level;
    }

    private String timestamp(Record r) {
        Value time = fields(Field.TIMESTAMP);
        String timestamp = time.timestamp(r);
        return timestamp != null ? timestamp : orEmpty(time.textDefault());
    }

    private Mapped map(Record r) {
        Level level = level(r);
        String component = text(Field.COMPONENT, r, level);
        String contract = text(Field.CONTRACT_COMPONENT, r, level);
        String event = text(Field.EVENT, r, level);
        if (event.isEmpty() && dialect == Dialect.MAPPED) {
            event = level.compareTo(Level.ERROR) >= 0 ? "step_error" : "step_complete";
        }
        long tokens = count(Field.TOKENS, r, -1);
        UsageSpec.Built built = usage.build(r, tokens);
        if (tokens < 0) {
            tokens = dialect == Dialect.MAPPED ? built.usage().totalTokens() : 0;
        }
        Value duration = fields(Field.DURATION);
        double latency = duration.millis(r);
        if (Double.isNaN(latency)) {
            latency = duration.millisDefault();
        }
        String timestamp = timestamp(r);
        String errorCode = text(Field.ERROR_CODE, r, level);
        LogEvent e = new LogEvent(dialect, timestamp, text(Field.SESSION, r, level), event, component,
                Component.fromWire(contract.isEmpty() ? component : contract).orElse(null), text(Field.OPERATION, r, level), level,
                text(Field.MESSAGE, r, level), tokens, latency, count(Field.BUDGET, r, -1), count(Field.BUDGET_USED, r, -1),
                count(Field.SESSION_TOTAL, r, -1), text(Field.ERROR, r, level), text(Field.ERROR_TYPE, r, level), built.usage(),
                errorCode, suggestion(r, level, errorCode), attribution(r, level), LogEventDecoder.dollars(fields(Field.BUDGET_USD).millis(r)), name);
        return new Mapped(e, callKey(r), built.problem());
    }

    /** Where the line sits in its run's call tree (docs/contract.md §5.2). */
    private Attribution attribution(Record r, Level level) {
        return Attribution.of(text(Field.EVENT_ID, r, level), text(Field.PARENT_ID, r, level), text(Field.CORRELATION_ID, r, level),
                text(Field.PHASE, r, level), text(Field.ATTRIBUTION_OPERATION, r, level));
    }

    /** The line's suggestion, else its error code's or its category's (docs/errors.md). */
    private String suggestion(Record r, Level level, String errorCode) {
        return ErrorCode.suggestionFor(text(Field.SUGGESTION, r, level), errorCode, text(Field.ERROR_CATEGORY, r, level));
    }

    private Value fields(Field f) {
        return byField[f.ordinal()];
    }

    private String text(Field f, Record r, Level level) {
        if (!live[f.ordinal()]) {
            return "";
        }
        Value v = fields(f);
        String t = f == Field.MESSAGE ? v.message(r) : v.text(r);
        if (t == null) {
            t = rule(f, r, level);
        }
        if (t == null) {
            t = v.textDefault();
        }
        return orEmpty(t);
    }

    private long count(Field f, Record r, long none) {
        if (!live[f.ordinal()]) {
            return none;
        }
        Value v = fields(f);
        long n = v.count(r);
        if (n < 0) {
            n = v.countDefault();
        }
        return n < 0 ? none : n;
    }

    private String rule(Field f, Record r, Level level) {
        if (!ruled[f.ordinal()]) {
            return null;
        }
        for (Rule rule : rules) {
            String v = rule.set.get(f);
            if (v != null && rule.when.holds(r, level)) {
                return v;
            }
        }
        return null;
    }

    /** What identifies the line's model call: the dedupe values joined, or null when the first is absent. */
    private String callKey(Record r) {
        if (dedupe.isEmpty()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < dedupe.size(); i++) {
            JsonNode v = r.at(dedupe.get(i));
            if (v == null || v.isContainer()) {
                if (i == 0) {
                    return null;
                }
                continue;
            }
            key.append(i == 0 ? "" : "\u0000").append(v.isString() ? v.stringValue() : v.toString());
        }
        return key.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "format " + name + " (" + source + ")";
    }
}
