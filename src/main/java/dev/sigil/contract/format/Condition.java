package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sigil.contract.event.Level;
import tools.jackson.databind.JsonNode;

/**
 * A definition's {@code match} or a rule's {@code when}: conditions on a record, all of which must hold
 * (docs/formats.md §4). Immutable and thread-safe.
 */
final class Condition {

    /** A path and the JSON values it may have. */
    private record Equals(FieldPath path, List<JsonNode> values) {
    }

    /** A path and a text its value starts with. */
    private record StartsWith(FieldPath path, String prefix) {
    }

    /** A path and the JSON types its value may have, as type bits ("number" takes integers too). */
    private record Types(FieldPath path, int allowed) {
    }

    /** The JSON types of values, as bits (a value's type is one of them; "integer" for integral numbers). */
    static final int NULL = 1;
    static final int BOOLEAN = 2;
    static final int INTEGER = 4;
    static final int NUMBER = 8;
    static final int STRING = 16;
    static final int OBJECT = 32;
    static final int ARRAY = 64;

    static final Condition ALWAYS = new Condition(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), null);

    private final List<FieldPath> present;
    private final List<FieldPath> absent;
    private final List<Equals> equals;
    private final List<StartsWith> startsWith;
    private final List<Types> types;
    private final Set<Level> levels;
    private final List<Condition> any;
    private final Condition not;

    private Condition(List<FieldPath> present, List<FieldPath> absent, List<Equals> equals, List<StartsWith> startsWith,
                      List<Types> types, Set<Level> levels, List<Condition> any, Condition not) {
        this.present = present;
        this.absent = absent;
        this.equals = equals;
        this.startsWith = startsWith;
        this.types = types;
        this.levels = levels;
        this.any = any;
        this.not = not;
        this.presentEach = present.toArray(new FieldPath[0]);
        this.absentEach = absent.toArray(new FieldPath[0]);
        this.equalsEach = equals.toArray(new Equals[0]);
        this.startsWithEach = startsWith.toArray(new StartsWith[0]);
        this.typesEach = types.toArray(new Types[0]);
        this.anyEach = any.toArray(new Condition[0]);
    }

    /** The same tests as arrays: {@link #holds} runs on every line, and C1 walks an array for less than a list (ADR 0290). */
    private final FieldPath[] presentEach;
    private final FieldPath[] absentEach;
    private final Equals[] equalsEach;
    private final StartsWith[] startsWithEach;
    private final Types[] typesEach;
    private final Condition[] anyEach;

    /** The condition the (schema-checked) object {@code c} writes; {@code paths} reports a path it cannot read. */
    static Condition of(JsonNode c, Paths paths) {
        if (c == null || c.isNull()) {
            return ALWAYS;
        }
        List<FieldPath> present = paths.list(c.get("present"), "present");
        List<FieldPath> absent = paths.list(c.get("absent"), "absent");
        List<Equals> equals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : properties(c.get("equals"))) {
            JsonNode v = e.getValue();
            List<JsonNode> values = new ArrayList<>();
            if (v.isArray()) {
                v.values().forEach(values::add);
            } else {
                values.add(v);
            }
            equals.add(new Equals(paths.at("equals").one(e.getKey(), e.getKey()), values));
        }
        List<StartsWith> starts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : properties(c.get("starts_with"))) {
            starts.add(new StartsWith(paths.at("starts_with").one(e.getKey(), e.getKey()), e.getValue().stringValue()));
        }
        List<Types> types = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : properties(c.get("types"))) {
            int allowed = 0;
            for (JsonNode t : e.getValue().isArray() ? e.getValue().values() : List.of(e.getValue())) {
                allowed |= bitOf(t.stringValue());
            }
            types.add(new Types(paths.at("types").one(e.getKey(), e.getKey()), (allowed & NUMBER) != 0 ? allowed | INTEGER : allowed));
        }
        Set<Level> levels = null;
        if (c.has("level")) {
            levels = EnumSet.noneOf(Level.class);
            for (JsonNode l : c.get("level").values()) {
                levels.add(Level.parse(l.stringValue()));
            }
        }
        List<Condition> any = new ArrayList<>();
        if (c.has("any")) {
            int i = 0;
            for (JsonNode sub : c.get("any").values()) {
                any.add(of(sub, paths.at("any").at(String.valueOf(i++))));
            }
        }
        Condition not = c.has("not") ? of(c.get("not"), paths.at("not")) : null;
        return new Condition(present, absent, equals, starts, types, levels, any, not);
    }

    private static Iterable<Map.Entry<String, JsonNode>> properties(JsonNode o) {
        return o == null ? List.of() : o.properties();
    }

    /** Every path it reads (for {@link Projection}). */
    void reads(List<Projection.Read> out) {
        present.forEach(p -> out.add(new Projection.Read(p, false)));
        absent.forEach(p -> out.add(new Projection.Read(p, false)));
        equals.forEach(e -> out.add(new Projection.Read(e.path, false)));
        startsWith.forEach(e -> out.add(new Projection.Read(e.path, false)));
        types.forEach(e -> out.add(new Projection.Read(e.path, false)));
        any.forEach(c -> c.reads(out));
        if (not != null) {
            not.reads(out);
        }
    }

    /** The members of the line it cannot hold without (a present, equals, starts_with or types of one top-level name). */
    void requiredMembers(java.util.Set<String> out) {
        List<FieldPath> paths = new ArrayList<>(present);
        equals.forEach(e -> paths.add(e.path));
        startsWith.forEach(e -> paths.add(e.path));
        types.forEach(e -> paths.add(e.path));
        for (FieldPath p : paths) {
            List<FieldPath.Step> steps = p.steps();
            if (p.scope() <= 0 && !steps.isEmpty() && steps.get(0) instanceof FieldPath.Member m && m.index() < 0) {
                out.add(m.name());
            }
        }
    }

    /** Whether a level condition appears anywhere in it (a definition's match may not test the level). */
    boolean testsLevel() {
        if (levels != null || (not != null && not.testsLevel())) {
            return true;
        }
        return any.stream().anyMatch(Condition::testsLevel);
    }

    /** Whether it holds for {@code r}, whose mapped level is {@code level} (null while the level is not known). */
    boolean holds(Record r, Level level) {
        for (FieldPath p : presentEach) {
            if (r.type(p) == 0) {
                return false;
            }
        }
        for (FieldPath p : absentEach) {
            if (r.type(p) != 0) {
                return false;
            }
        }
        for (Equals e : equalsEach) {
            JsonNode v = r.at(e.path, true);
            if (v == null || !oneOf(v, e.values)) {
                return false;
            }
        }
        for (StartsWith s : startsWithEach) {
            JsonNode v = r.at(s.path);
            if (v == null || !v.isString() || !v.stringValue().startsWith(s.prefix)) {
                return false;
            }
        }
        for (Types t : typesEach) {
            if ((r.type(t.path) & t.allowed) == 0) {
                return false;
            }
        }
        if (levels != null && (level == null || !levels.contains(level))) {
            return false;
        }
        if (anyEach.length > 0 && !anyHolds(r, level)) {
            return false;
        }
        return not == null || !not.holds(r, level);
    }

    private boolean anyHolds(Record r, Level level) {
        for (Condition c : anyEach) {
            if (c.holds(r, level)) {
                return true;
            }
        }
        return false;
    }

    /** JSON equality, numbers by value (1 equals 1.0, as JSON Schema compares them). */
    private static boolean oneOf(JsonNode v, List<JsonNode> values) {
        for (JsonNode w : values) {
            if (finite(v) && finite(w) ? v.decimalValue().compareTo(w.decimalValue()) == 0 : v.equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean finite(JsonNode v) {
        return v.isNumber() && (v.isIntegralNumber() || Double.isFinite(v.doubleValue()));
    }

    /** The type bit of a value. */
    static int typeBit(JsonNode v) {
        return bitOf(type(v));
    }

    /** The bit of a JSON Schema type's name (0 for a name that is none). */
    private static int bitOf(String type) {
        return switch (type) {
            case "null" -> NULL;
            case "boolean" -> BOOLEAN;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "string" -> STRING;
            case "object" -> OBJECT;
            case "array" -> ARRAY;
            default -> 0;
        };
    }

    /** The JSON Schema type of a value ("integer" for integral numbers). */
    static String type(JsonNode v) {
        if (v.isIntegralNumber()) {
            return "integer";
        }
        return switch (v.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            default -> "null";
        };
    }
}
