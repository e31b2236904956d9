package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.ContractSchema;
import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.Violation;
import dev.sigil.contract.validation.YamlLines;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a format definition (YAML, or JSON, which is YAML too): checks it against
 * {@code contract/format-definition.schema.json}, then for what a schema cannot say (paths that cannot be read,
 * scopes beyond the records path, rules that test what they set, example lines that are not recognised or map to an
 * event that breaks the contract), every problem as {@code FILE:LINE: KEY: what is wrong}. Pure: the caller reads
 * the file.
 */
public final class DefinitionReader {

    /** Resource path of the schema inside the jar. */
    public static final String SCHEMA = "contract/format-definition.schema.json";

    /** The YAML reader of user definitions, made on first use: a log read in built-in formats never starts it. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** The schema, compiled on first use (built-in definitions are checked by the tests and need it not). */
    private static final class Schema {
        static final SchemaValidator VALIDATOR = SchemaValidator.of(ContractSchema.bundled(SCHEMA));
    }

    /**
     * What a file holds.
     *
     * @param definition the format, or null when there is any error
     * @param errors every problem, as FILE:LINE: KEY: message
     */
    public record Result(FormatDefinition definition, List<String> errors) {
    }

    private DefinitionReader() {
    }

    /** Reads {@code bytes}, the content of {@code file} (as messages name it), checked against the schema. */
    public static Result read(String file, byte[] bytes) {
        return read(file, bytes, true);
    }

    /** Reads a definition that ships with sigil (checked against the schema, examples included, by the tests, not at every start). */
    static Result builtIn(String name, byte[] bytes) {
        return read("built-in " + name, bytes, false);
    }

    private static Result read(String file, byte[] bytes, boolean checkSchema) {
        JsonNode root;
        if (!checkSchema) {
            // A built-in definition comes as JSON (the build made it from its YAML): read without starting a YAML parser.
            root = new PythonJsonReader().read(bytes, 0, bytes.length);
        } else {
            try {
                root = Yaml.MAPPER.readTree(bytes);
            } catch (JacksonException e) {
                TokenStreamLocation at = e.getLocation();
                String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
                return failed(file + where + ": not a YAML or JSON document: " + firstLine(e.getOriginalMessage()));
            }
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return failed(file + ": an empty definition (it needs at least name and match)");
        }
        if (checkSchema) {
            List<Violation> violations = Schema.VALIDATOR.validate(root);
            if (!violations.isEmpty()) {
                return new Result(null, messages(file, YamlLines.of(bytes), root, violations));
            }
        }
        List<Violation> problems = new ArrayList<>();
        FormatDefinition d = compile(root, file.startsWith("built-in ") ? "built-in" : file, new Paths("", problems));
        if (problems.isEmpty() && checkSchema) {
            // A built-in definition's examples are checked by the tests (BuiltinFormatsTest), not at every start.
            checkExamples(d, new Paths("", problems));
        }
        return problems.isEmpty() ? new Result(d, List.of()) : new Result(null, messages(file, YamlLines.of(bytes), root, problems));
    }

    private static FormatDefinition compile(JsonNode root, String source, Paths paths) {
        FieldPath records = root.has("records") ? paths.one(root.get("records").stringValue(), "records") : null;
        int scopes = records == null ? 0 : records.wildcards();
        Condition match = Condition.of(root.get("match"), paths.at("match"));
        if (match.testsLevel()) {
            paths.problem("match", "match cannot test the level (it is known only once the line is mapped); use it in rules");
        }
        Map<FormatDefinition.Field, Value> fields = new EnumMap<>(FormatDefinition.Field.class);
        JsonNode f = root.get("fields");
        if (f != null) {
            f.properties().forEach(e -> fields.put(FormatDefinition.Field.of(e.getKey()), Value.of(e.getValue(), paths.at("fields").at(e.getKey()))));
        }
        List<FormatDefinition.Rule> rules = rules(root.get("rules"), paths.at("rules"));
        UsageSpec usage = UsageSpec.of(root.get("usage"), paths.at("usage"));
        List<FieldPath> dedupe = paths.list(root.get("dedupe"), "dedupe");
        checkScopes(root, scopes, paths);
        List<String> examples = new ArrayList<>();
        JsonNode ex = root.get("examples");
        if (ex != null) {
            ex.values().forEach(v -> examples.add(v.stringValue()));
        }
        Dialect dialect = switch (root.path("dialect").asString("mapped")) {
            case "execution_entry" -> Dialect.EXECUTION_ENTRY;
            case "operation_log" -> Dialect.OPERATION_LOG;
            default -> Dialect.MAPPED;
        };
        return new FormatDefinition(root.get("name").stringValue(), root.path("title").asString(""), root.path("description").asString(""),
                source, dialect, records, match, fields, rules, usage, dedupe, examples);
    }

    private static List<FormatDefinition.Rule> rules(JsonNode list, Paths paths) {
        List<FormatDefinition.Rule> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        int i = 0;
        for (JsonNode r : list.values()) {
            Paths at = paths.at(String.valueOf(i++));
            Condition when = Condition.of(r.get("when"), at.at("when"));
            Map<FormatDefinition.Field, String> set = new LinkedHashMap<>();
            r.get("set").properties().forEach(e -> set.put(FormatDefinition.Field.of(e.getKey()), e.getValue().stringValue()));
            if (set.containsKey(FormatDefinition.Field.LEVEL) && when.testsLevel()) {
                at.problem("when", "a rule that sets the level cannot test it");
            }
            String event = set.get(FormatDefinition.Field.EVENT);
            if (event != null && EventType.fromWire(event).isEmpty()) {
                at.at("set").problem("event", "'" + event + "' is not an event type of the contract (session_start, step_complete, ...)");
            }
            out.add(new FormatDefinition.Rule(when, Map.copyOf(set)));
        }
        return out;
    }

    /** Every {@code $n} of the definition must be a scope the records path gives. */
    private static void checkScopes(JsonNode node, int scopes, Paths paths) {
        if (node.isString()) {
            String t = node.stringValue();
            if (t.startsWith("$") && t.length() > 1 && Character.isDigit(t.charAt(1))) {
                try {
                    int n = FieldPath.parse(t).scope();
                    if (n > scopes) {
                        paths.problem("", "'" + t + "': there is no $" + n + " (" + (scopes == 0 ? "without records only $0, the line"
                                : "the records path gives $0 to $" + scopes) + ")");
                    }
                } catch (IllegalArgumentException reported) {
                    // already a problem where the path is read
                }
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> checkScopes(e.getValue(), scopes, paths.at(e.getKey())));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode v : node.values()) {
                checkScopes(v, scopes, paths.at(String.valueOf(i++)));
            }
        }
    }

    /** Each example line must be a JSON object the definition recognises and maps to an event within the contract. */
    private static void checkExamples(FormatDefinition d, Paths paths) {
        PythonJsonReader reader = new PythonJsonReader();
        for (int i = 0; i < d.examples().size(); i++) {
            String key = String.valueOf(i);
            Paths at = paths.at("examples");
            JsonNode line;
            try {
                line = reader.read(d.examples().get(i));
            } catch (JsonSyntaxException e) {
                at.problem(key, "not a JSON line: " + e.getMessage());
                continue;
            }
            List<Mapped> events = d.read(line);
            if (events == null) {
                at.problem(key, "the definition does not recognise its own example (see match)");
                continue;
            }
            for (Mapped m : events) {
                String wrong = EventCheck.problem(m);
                if (wrong != null) {
                    at.problem(key, wrong);
                }
            }
        }
    }

    private static List<String> messages(String file, YamlLines lines, JsonNode root, List<Violation> violations) {
        List<Violation> shown = new ArrayList<>();
        for (Violation v : mostSpecific(violations)) {
            java.util.regex.Matcher unknown = UNKNOWN_KEY.matcher(v.message());
            shown.add(v.keyword().equals("additionalProperties") && unknown.find()
                    ? new Violation(v.pointer() + "/" + YamlLines.pointerToken(unknown.group(1)), v.keyword(), "unknown key (docs/formats.md lists the keys)")
                    : v);
        }
        shown.sort(java.util.Comparator.comparingInt(v -> lines.lineOf(v.pointer())));
        List<String> out = new ArrayList<>();
        for (Violation v : shown) {
            String why = v.keyword().equals("additionalProperties") ? v.message() : explain(root, v);
            out.add(file + ":" + lines.lineOf(v.pointer()) + ": " + YamlLines.dotted(v.pointer()) + ": " + why);
        }
        return out;
    }

    /** How networknt names the key an additionalProperties violation is about. */
    private static final java.util.regex.Pattern UNKNOWN_KEY = java.util.regex.Pattern.compile("property '(.*)' is not defined");

    /**
     * One violation per place, the deepest places only: a value that fits none of a oneOf's forms makes the schema
     * report every form it failed and every place above it; what the user must change is the deepest value, and
     * there an unknown key or a wrong choice says more than "object found, string expected".
     */
    private static List<Violation> mostSpecific(List<Violation> violations) {
        Map<String, Violation> best = new LinkedHashMap<>();
        for (Violation v : violations) {
            boolean above = violations.stream().anyMatch(w -> w.pointer().startsWith(v.pointer() + "/"));
            if (above && !v.keyword().equals("additionalProperties") && !v.keyword().equals("required")) {
                continue;
            }
            Violation known = best.get(v.pointer());
            if (known == null || rank(v) < rank(known)) {
                best.put(v.pointer(), v);
            }
        }
        return List.copyOf(best.values());
    }

    private static int rank(Violation v) {
        return switch (v.keyword()) {
            case "additionalProperties", "required", "enum", "pattern" -> 0;
            case "oneOf", "anyOf", "not" -> 1;
            case "type" -> 3;
            default -> 2;
        };
    }

    /** The schema's words for the mistakes its rules express indirectly (a value's form is a oneOf). */
    private static String explain(JsonNode root, Violation v) {
        JsonNode at = root.at(v.pointer());
        if (v.pointer().endsWith("/scale")) {
            return "'" + at.asString(at.toString()) + "' is not a scale: pino, bunyan, python, otel, or a table from the lowest number of"
                    + " each level to the level ({\"0\": info, \"2\": error})";
        }
        if (v.pointer().endsWith("/kind")) {
            return "'" + at.asString(at.toString()) + "' is not a kind of timestamp: iso8601, epoch_s, epoch_ms, epoch_us or epoch_ns";
        }
        if (v.keyword().equals("oneOf") || v.keyword().equals("type") && v.pointer().matches(".*/(fields|usage)/[a-z_0-9]+(/[0-9]+)?")) {
            if (at.isObject() && !at.has("path") && !at.has("constant") && !at.has("sum") && !at.has("difference") && !at.has("default")) {
                return "a value needs path, constant, sum, difference or default";
            }
            if (at.isObject()) {
                return "a value has one of path, constant, sum and difference (and may add prefix, map, default, kind, unit, scale)";
            }
            return "a value is a path, a list of alternatives, or an object with path, constant, sum or difference";
        }
        return v.message();
    }

    private static Result failed(String message) {
        return new Result(null, List.of(message));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
