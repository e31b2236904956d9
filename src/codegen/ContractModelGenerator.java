import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates the Java model of the contract from contract/execution-entry.schema.json.
 *
 * <p>Run by the build (exec-maven-plugin, generate-sources) as a single-file program:
 * {@code java -cp <deps> ContractModelGenerator.java SCHEMA OUTPUT_DIR PACKAGE}. It understands exactly the
 * schema features the contract uses (an object of typed properties, string enums, one free-form object with typed
 * known keys) and fails loudly on anything else, so that a schema change can never be silently mistranslated.
 * Why a generator of our own: docs/adr/0002-contract-model-generator.md.
 */
public final class ContractModelGenerator {

    private static final String LONG_MAX = "9223372036854775807";

    private final JsonNode schema;
    private final String schemaName;
    private final String pkg;
    private final String generatedNote;

    private ContractModelGenerator(JsonNode schema, String schemaName, String pkg) {
        this.schema = schema;
        this.schemaName = schemaName;
        this.pkg = pkg;
        this.generatedNote = "Generated from contract/" + schemaName + " by src/codegen/ContractModelGenerator.java; do not edit.";
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ContractModelGenerator SCHEMA OUTPUT_DIR PACKAGE");
        }
        Path schemaFile = Path.of(args[0]);
        JsonNode schema = JsonMapper.builder().build().readTree(Files.readString(schemaFile));
        Path outDir = Path.of(args[1]).resolve(args[2].replace('.', '/'));
        Files.createDirectories(outDir);
        ContractModelGenerator generator = new ContractModelGenerator(schema, schemaFile.getFileName().toString(), args[2]);
        Map<String, String> files = generator.generate();
        int written = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = outDir.resolve(file.getKey() + ".java");
            // Rewrite only what changed, so that incremental compilation stays incremental.
            if (!Files.exists(target) || !Files.readString(target).equals(file.getValue())) {
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                written++;
            }
        }
        System.out.println("contract model: " + files.size() + " types from " + schemaFile + " (" + written + " rewritten)");
    }

    private Map<String, String> generate() {
        require("object".equals(schema.path("type").asString()), "the root schema must be an object");
        String recordName = schema.path("title").asString();
        require(!recordName.isEmpty(), "the root schema needs a title (the record's name)");
        Map<String, String> files = new java.util.LinkedHashMap<>();
        List<Property> properties = new ArrayList<>();
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            Property property = Property.of(p.getKey(), p.getValue(), required.contains(p.getKey()));
            properties.add(property);
            if (property.kind == Kind.ENUM) {
                files.put(property.javaType, enumSource(property));
            } else if (property.kind == Kind.OBJECT) {
                files.put(property.javaType, objectSource(property));
            }
        }
        files.put(recordName, recordSource(recordName, schema.path("description").asString(), properties, required, true));
        for (Map.Entry<String, JsonNode> d : schema.path("definitions").properties()) {
            definition(d.getKey(), d.getValue(), files);
        }
        return files;
    }

    /**
     * A definition of type object (scalar properties only) becomes a record; one made of {@code anyOf} branches
     * that are references or plain types describes where readers find a value and becomes no type.
     */
    private void definition(String name, JsonNode node, Map<String, String> files) {
        if (node.has("anyOf") && !node.has("type")) {
            node.get("anyOf").forEach(branch -> require(branch.has("$ref") && branch.size() == 1
                    || branch.has("type") && branch.size() == 1, "definitions/" + name + ": anyOf branches must be one $ref or one type"));
            return;
        }
        require("object".equals(node.path("type").asString()) && node.has("properties"),
                "definitions/" + name + ": only objects of typed properties, or anyOf of references, are supported");
        require(node.has("additionalProperties") && !node.get("additionalProperties").asBoolean(true),
                "definitions/" + name + ": a record needs additionalProperties false (it keeps no unknown keys)");
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(r -> required.add(r.asString()));
        List<Property> properties = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
            Property property = Property.of(p.getKey(), p.getValue(), required.contains(p.getKey()));
            property.inDefinition = true;
            if (property.kind == Kind.REF) {
                property.refDescription = schema.at("/definitions/" + property.javaTypeRefName() + "/description").asString();
            }
            require(property.kind == Kind.STRING || property.kind == Kind.INTEGER || property.kind == Kind.ENUM
                            || property.kind == Kind.BOOLEAN || property.kind == Kind.REF,
                    "definitions/" + name + "/" + p.getKey() + ": record fields may be strings, enums, integers, booleans or references");
            properties.add(property);
        }
        files.put(camel(name, true), recordSource(camel(name, true), node.path("description").asString(), properties, required, false));
    }

    // ---------------------------------------------------------------------------------------------- the record

    /** The record of the root ({@code root}: defaults written out) or of a definition (absent optionals stay absent). */
    private String recordSource(String name, String description, List<Property> properties, Set<String> required, boolean root) {
        StringBuilder s = header();
        s.append("import java.util.List;\nimport java.util.Objects;\n");
        s.append(root ? "" : "import java.util.Optional;\nimport java.util.OptionalLong;\nimport java.util.regex.Pattern;\n").append('\n');
        s.append("import tools.jackson.databind.JsonNode;\nimport tools.jackson.databind.node.JsonNodeFactory;\n");
        s.append("import tools.jackson.databind.node.ObjectNode;\n\n");
        s.append("/**\n * ").append(escapeDoc(description)).append("\n *\n");
        for (Property p : properties) {
            String doc = p.kind == Kind.REF && p.description.isEmpty() ? firstSentence(p.refDescription) : p.description;
            s.append(" * @param ").append(p.javaName).append(' ').append(escapeDoc(doc)).append('\n');
        }
        s.append(" */\n");
        s.append(generatedAnnotation());
        s.append("public record ").append(name).append("(\n");
        for (int i = 0; i < properties.size(); i++) {
            Property p = properties.get(i);
            s.append("        ").append(p.recordType()).append(' ').append(p.javaName).append(i + 1 < properties.size() ? ",\n" : ") {\n\n");
        }
        s.append("    /** The schema's property names, in schema order: the order in which the codec writes them. */\n");
        s.append("    public static final List<String> PROPERTY_NAMES = List.of(").append(quotedList(properties.stream().map(p -> p.wireName).toList())).append(");\n\n");
        s.append("    /** The properties the schema requires. */\n");
        s.append("    public static final List<String> REQUIRED = List.of(").append(quotedList(List.copyOf(required))).append(");\n\n");
        for (Property p : properties) {
            if (!root && p.kind == Kind.ENUM) {
                s.append("    /** The schema's values of ").append(p.wireName).append(". */\n");
                s.append("    public static final List<String> ").append(constantName(p.wireName)).append("_VALUES = List.of(")
                        .append(quotedList(p.enumValues)).append(");\n\n");
            }
            if (!root && p.pattern != null) {
                s.append("    /** The schema's pattern of ").append(p.wireName).append(" (searched, as JSON Schema does). */\n");
                s.append("    public static final Pattern ").append(constantName(p.wireName)).append("_PATTERN = Pattern.compile(\"")
                        .append(javaString(p.pattern)).append("\");\n\n");
            }
        }
        s.append("    public ").append(name).append(" {\n");
        for (Property p : properties) {
            if (!p.primitive()) {
                s.append("        Objects.requireNonNull(").append(p.javaName).append(", \"").append(p.wireName).append("\");\n");
            }
            if (p.kind == Kind.INTEGER && p.minimum != null) {
                String value = p.optional() ? p.javaName + ".orElse(" + p.minimum + "L)" : p.javaName;
                s.append("        if (").append(value).append(" < ").append(p.minimum).append("L) {\n");
                s.append("            throw new IllegalArgumentException(\"").append(p.wireName).append(" must be >= ").append(p.minimum).append(": \" + ").append(p.javaName).append(");\n        }\n");
            }
        }
        s.append("    }\n\n");

        s.append(root ? "    /** This entry as a JSON object, properties in schema order (defaults written out, as Python's asdict() does). */\n"
                : "    /** This record as a JSON object, properties in schema order; absent ones left out. */\n");
        s.append("    public ObjectNode toJsonNode() {\n        ObjectNode node = JsonNodeFactory.instance.objectNode();\n");
        for (Property p : properties) {
            if (p.optional()) {
                s.append("        ").append(p.javaName).append(".ifPresent(v -> node.set(\"").append(p.wireName).append("\", ")
                        .append(p.valueNodeExpr("v")).append("));\n");
            } else {
                s.append("        node.set(\"").append(p.wireName).append("\", ").append(p.toNodeExpr()).append(");\n");
            }
        }
        s.append("        return node;\n    }\n\n");

        s.append(root ? "    /**\n     * Reads an entry from a JSON object that is valid against the schema.\n"
                : "    /**\n     * Reads a record from a JSON object, strictly: the object must conform to the definition (no other keys,\n"
                        + "     * every type, bound and pattern), though not to rules beyond JSON Schema.\n");
        s.append("     *\n     * @throws IllegalArgumentException naming the property, if the object does not conform\n     */\n");
        s.append("    public static ").append(name).append(" fromJsonNode(JsonNode node) {\n");
        s.append("        if (node == null || !node.isObject()) {\n            throw new IllegalArgumentException(\"")
                .append(root ? "an entry" : "a " + name).append(" must be a JSON object\");\n        }\n");
        if (!root) {
            s.append("        node.propertyNames().forEach(k -> {\n            if (!PROPERTY_NAMES.contains(k)) {\n");
            s.append("                throw new IllegalArgumentException(k + \": not a property of ").append(name).append("\");\n            }\n        });\n");
        }
        s.append("        return new ").append(name).append("(\n");
        for (int i = 0; i < properties.size(); i++) {
            Property p = properties.get(i);
            s.append("                ").append(p.fromNodeExpr("node.get(\"" + p.wireName + "\")")).append(i + 1 < properties.size() ? ",\n" : ");\n");
        }
        s.append("    }\n\n");
        s.append(readHelpers());
        if (!root) {
            s.append(definitionHelpers());
        }
        s.append("}\n");
        return s.toString();
    }

    private static String definitionHelpers() {
        return """

                    private static OptionalLong optionalInteger(JsonNode value, String name) {
                        if (value == null) {
                            return OptionalLong.empty();
                        }
                        if (value.isNull()) {
                            throw new IllegalArgumentException(name + ": must be an integer");
                        }
                        return OptionalLong.of(integer(value, name, 0L));
                    }

                    private static Optional<String> optionalString(JsonNode value, String name) {
                        return value == null ? Optional.empty() : Optional.of(string(value, name));
                    }

                    private static boolean bool(JsonNode value, String name) {
                        if (!present(value, name).isBoolean()) {
                            throw new IllegalArgumentException(name + ": must be true or false");
                        }
                        return value.booleanValue();
                    }

                    private static Optional<Boolean> optionalBool(JsonNode value, String name) {
                        return value == null ? Optional.empty() : Optional.of(bool(value, name));
                    }

                    private static String oneOf(String value, List<String> values, String name) {
                        if (!values.contains(value)) {
                            throw new IllegalArgumentException(name + ": not one of " + values);
                        }
                        return value;
                    }

                    private static String matching(String value, Pattern pattern, String name) {
                        if (!pattern.matcher(value).find()) {
                            throw new IllegalArgumentException(name + ": does not match " + pattern.pattern());
                        }
                        return value;
                    }
                """;
    }

    private static String readHelpers() {
        return """
                    private static JsonNode present(JsonNode value, String name) {
                        if (value == null || value.isNull() || value.isMissingNode()) {
                            throw new IllegalArgumentException(name + ": required");
                        }
                        return value;
                    }

                    private static String string(JsonNode value, String name) {
                        if (!present(value, name).isString()) {
                            throw new IllegalArgumentException(name + ": must be a string");
                        }
                        return value.stringValue();
                    }

                    private static long integer(JsonNode value, String name, long absent) {
                        if (value == null) {
                            return absent;
                        }
                        if (value.isIntegralNumber() && value.canConvertToLong()) {
                            return value.longValue();
                        }
                        // JSON Schema (draft 6 on) counts 5.0 as an integer; so do Python producers that sum floats.
                        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
                                && Math.abs(value.doubleValue()) < 0x1p63) {
                            return (long) value.doubleValue();
                        }
                        throw new IllegalArgumentException(name + ": must be an integer that fits in 64 bits");
                    }
                """;
    }

    // ---------------------------------------------------------------------------------------------- enums

    private String enumSource(Property p) {
        StringBuilder s = header();
        s.append("import java.util.Optional;\n\n");
        s.append("/** ").append(escapeDoc(p.description)).append(" (schema: #/properties/").append(p.wireName).append(") */\n");
        s.append(generatedAnnotation());
        s.append("public enum ").append(p.javaType).append(" {\n");
        for (int i = 0; i < p.enumValues.size(); i++) {
            String v = p.enumValues.get(i);
            s.append("    ").append(constantName(v)).append("(\"").append(v).append("\")").append(i + 1 < p.enumValues.size() ? ",\n" : ";\n\n");
        }
        s.append("    private final String wireName;\n\n");
        s.append("    ").append(p.javaType).append("(String wireName) {\n        this.wireName = wireName;\n    }\n\n");
        s.append("    /** The value as it appears in the log. */\n");
        s.append("    public String wireName() {\n        return wireName;\n    }\n\n");
        s.append("    /** The constant whose wire name is {@code name}, if the schema knows it. */\n");
        s.append("    public static Optional<").append(p.javaType).append("> fromWire(String name) {\n");
        s.append("        if (name == null) {\n            return Optional.empty();\n        }\n");
        s.append("        return switch (name) {\n");
        for (String v : p.enumValues) {
            s.append("            case \"").append(v).append("\" -> Optional.of(").append(constantName(v)).append(");\n");
        }
        s.append("            default -> Optional.empty();\n        };\n    }\n}\n");
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------------- metadata

    private String objectSource(Property p) {
        List<Property> known = new ArrayList<>();
        for (Map.Entry<String, JsonNode> k : p.node.path("properties").properties()) {
            Property kp = Property.of(k.getKey(), k.getValue(), false);
            if (kp.kind == Kind.REF) {
                kp.refDescription = schema.at("/definitions/" + k.getValue().get("$ref").asString().substring("#/definitions/".length()) + "/description").asString();
            }
            if (kp.kind == Kind.OBJECT) {
                continue; // no typed accessor: kept as JSON like any other key (the schema still checks its shape)
            }
            known.add(kp);
        }
        String t = p.javaType;
        StringBuilder s = header();
        s.append("import java.util.Collections;\nimport java.util.LinkedHashMap;\nimport java.util.List;\nimport java.util.Map;\n");
        s.append("import java.util.Objects;\nimport java.util.Optional;\nimport java.util.OptionalDouble;\nimport java.util.OptionalLong;\n\n");
        s.append("import tools.jackson.databind.JsonNode;\nimport tools.jackson.databind.node.BooleanNode;\nimport tools.jackson.databind.node.DoubleNode;\nimport tools.jackson.databind.node.IntNode;\n");
        s.append("import tools.jackson.databind.node.JsonNodeFactory;\nimport tools.jackson.databind.node.LongNode;\nimport tools.jackson.databind.node.NullNode;\n");
        s.append("import tools.jackson.databind.node.ObjectNode;\nimport tools.jackson.databind.node.StringNode;\n\n");
        s.append("/**\n * ").append(escapeDoc(p.description)).append("\n *\n");
        s.append(" * <p>Keeps every key, known or not, in insertion order; the keys the schema types have typed accessors that\n");
        s.append(" * return empty when the key is absent or holds a value of another type. Immutable.\n */\n");
        s.append(generatedAnnotation());
        s.append("public final class ").append(t).append(" {\n\n");
        s.append("    /** The keys the schema types, in schema order. */\n");
        s.append("    public static final List<String> KNOWN_PROPERTIES = List.of(").append(quotedList(known.stream().map(k -> k.wireName).toList())).append(");\n\n");
        s.append("    /** No keys at all. */\n    public static final ").append(t).append(" EMPTY = new ").append(t).append("(new LinkedHashMap<>());\n\n");
        s.append("    private final Map<String, JsonNode> fields;\n\n");
        s.append("    private ").append(t).append("(LinkedHashMap<String, JsonNode> fields) {\n        this.fields = Collections.unmodifiableMap(fields);\n    }\n\n");
        s.append("    /** Every key and value, in order. The values are shared: never mutate them. */\n");
        s.append("    public Map<String, JsonNode> asMap() {\n        return fields;\n    }\n\n");
        s.append("    /** The value under {@code key}, if present. */\n");
        s.append("    public Optional<JsonNode> get(String key) {\n        return Optional.ofNullable(fields.get(key));\n    }\n\n");
        s.append("    public boolean isEmpty() {\n        return fields.isEmpty();\n    }\n\n");
        for (Property k : known) {
            String doc = k.kind == Kind.REF ? "The " + k.wireName + " record, if present and conforming: " + firstSentence(k.refDescription) : k.description;
            s.append("    /** ").append(escapeDoc(doc)).append(" ({@code ").append(k.wireName).append("}) */\n");
            s.append("    public ").append(k.accessorType()).append(' ').append(k.javaName).append("() {\n");
            s.append("        JsonNode v = fields.get(\"").append(k.wireName).append("\");\n");
            s.append("        ").append(k.accessorBody()).append("\n    }\n\n");
        }
        s.append("    /** A copy as a JSON object (deep, so the caller may mutate it). */\n");
        s.append("    public ObjectNode toJsonNode() {\n        ObjectNode node = JsonNodeFactory.instance.objectNode();\n");
        s.append("        fields.forEach((k, v) -> node.set(k, v.deepCopy()));\n        return node;\n    }\n\n");
        s.append("    /** Reads metadata from a JSON object, keeping every key in order (deep copy). */\n");
        s.append("    public static ").append(t).append(" fromJsonNode(JsonNode node) {\n");
        s.append("        if (node == null || node.isNull()) {\n            return EMPTY;\n        }\n");
        s.append("        if (!node.isObject()) {\n            throw new IllegalArgumentException(\"").append(p.wireName).append(": must be an object\");\n        }\n");
        s.append("        LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();\n");
        s.append("        for (Map.Entry<String, JsonNode> e : node.properties()) {\n            fields.put(e.getKey(), e.getValue().deepCopy());\n        }\n");
        s.append("        return new ").append(t).append("(fields);\n    }\n\n");
        s.append("    public static Builder builder() {\n        return new Builder(new LinkedHashMap<>());\n    }\n\n");
        s.append("    /** A builder that starts with this metadata's keys. */\n");
        s.append("    public Builder toBuilder() {\n        return new Builder(new LinkedHashMap<>(fields));\n    }\n\n");
        s.append("    @Override\n    public boolean equals(Object o) {\n        return o instanceof ").append(t).append(" other && fields.equals(other.fields);\n    }\n\n");
        s.append("    @Override\n    public int hashCode() {\n        return fields.hashCode();\n    }\n\n");
        s.append("    @Override\n    public String toString() {\n        return \"").append(t).append("\" + fields;\n    }\n\n");
        s.append("    /** Builds metadata; keys keep the order in which they were first put. */\n");
        s.append("    public static final class Builder {\n        private final LinkedHashMap<String, JsonNode> fields;\n\n");
        s.append("        private Builder(LinkedHashMap<String, JsonNode> fields) {\n            this.fields = fields;\n        }\n\n");
        for (Property k : known) {
            s.append("        public Builder ").append(k.javaName).append('(').append(k.setterType()).append(" value) {\n");
            s.append("            fields.put(\"").append(k.wireName).append("\", ").append(k.setterNodeExpr()).append(");\n            return this;\n        }\n\n");
        }
        s.append("        /** Puts any JSON value (copied) under {@code key}. */\n");
        s.append("        public Builder put(String key, JsonNode value) {\n            fields.put(Objects.requireNonNull(key, \"key\"), value == null ? NullNode.getInstance() : value.deepCopy());\n            return this;\n        }\n\n");
        s.append("        public Builder put(String key, String value) {\n            return put(key, value == null ? NullNode.getInstance() : StringNode.valueOf(value));\n        }\n\n");
        s.append("        public Builder put(String key, long value) {\n            return put(key, value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value));\n        }\n\n");
        s.append("        public Builder put(String key, double value) {\n            return put(key, DoubleNode.valueOf(value));\n        }\n\n");
        s.append("        public Builder put(String key, boolean value) {\n            return put(key, BooleanNode.valueOf(value));\n        }\n\n");
        s.append("        public Builder remove(String key) {\n            fields.remove(key);\n            return this;\n        }\n\n");
        s.append("        public ").append(t).append(" build() {\n            return fields.isEmpty() ? EMPTY : new ").append(t).append("(new LinkedHashMap<>(fields));\n        }\n    }\n}\n");
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private StringBuilder header() {
        StringBuilder s = new StringBuilder();
        s.append("// ").append(generatedNote).append("\npackage ").append(pkg).append(";\n\n");
        return s;
    }

    private String generatedAnnotation() {
        return "@javax.annotation.processing.Generated(value = \"ContractModelGenerator\", comments = \"contract/" + schemaName + "\")\n";
    }

    private static String quotedList(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(names.get(i)).append('"');
        }
        return s.toString();
    }

    static String constantName(String wire) {
        return wire.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    static String camel(String snake, boolean upperFirst) {
        StringBuilder s = new StringBuilder();
        boolean up = upperFirst;
        for (char c : snake.toCharArray()) {
            if (c == '_' || c == '-') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return s.toString();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** {@code text} as the inside of a Java string literal. */
    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String escapeDoc(String text) {
        return text.replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;");
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("contract model generator: " + message);
        }
    }

    enum Kind { STRING, NULLABLE_STRING, ENUM, INTEGER, NUMBER, BOOLEAN, OBJECT, REF }

    /** One property of the schema and how it maps to Java. */
    static final class Property {
        final String wireName;
        final String javaName;
        final String javaType;
        final Kind kind;
        final String description;
        final JsonNode node;
        final List<String> enumValues = new ArrayList<>();
        final String minimum;
        final long defaultInteger;
        final boolean required;
        final String pattern;
        /** A field of a definition's record: its pattern is checked when read. */
        boolean inDefinition;
        /** For a reference: the description of the definition it names. */
        String refDescription = "";

        /** For a reference: the name of the definition it names. */
        String javaTypeRefName() {
            return node.get("$ref").asString().substring("#/definitions/".length());
        }

        private Property(String wireName, JsonNode node, Kind kind, String javaType, boolean required) {
            this.wireName = wireName;
            this.javaName = camel(wireName, false);
            this.node = node;
            this.kind = kind;
            this.javaType = javaType;
            this.description = node.path("description").asString();
            node.path("enum").forEach(v -> enumValues.add(v.asString()));
            this.minimum = node.has("minimum") ? node.get("minimum").asString() : null;
            this.defaultInteger = node.path("default").asLong(0);
            this.required = required;
            this.pattern = node.has("pattern") ? node.get("pattern").asString() : null;
        }

        static Property of(String name, JsonNode node, boolean required) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asString();
                require(ref.startsWith("#/definitions/") && node.size() == 1, name + ": only a lone $ref to #/definitions/NAME is supported");
                return new Property(name, node, Kind.REF, camel(ref.substring("#/definitions/".length()), true), required);
            }
            JsonNode type = node.path("type");
            String t;
            if (type.isArray()) {
                List<String> types = new ArrayList<>();
                type.forEach(x -> types.add(x.asString()));
                require(types.size() == 2 && types.contains("string") && types.contains("null"),
                        name + ": the only union type supported is [\"string\", \"null\"]");
                return new Property(name, node, Kind.NULLABLE_STRING, "String", required);
            }
            t = type.asString();
            switch (t) {
                case "string":
                    if (node.has("enum")) {
                        return new Property(name, node, Kind.ENUM, camel(name, true), required);
                    }
                    return new Property(name, node, Kind.STRING, "String", required);
                case "integer":
                    require(!node.has("maximum") || LONG_MAX.equals(node.get("maximum").asString()),
                            name + ": integers must declare maximum " + LONG_MAX + " so that they fit a Java long");
                    require(node.has("maximum"), name + ": integers must declare maximum " + LONG_MAX);
                    return new Property(name, node, Kind.INTEGER, "long", required);
                case "number":
                    return new Property(name, node, Kind.NUMBER, "double", required);
                case "boolean":
                    return new Property(name, node, Kind.BOOLEAN, "boolean", required);
                case "object":
                    return new Property(name, node, Kind.OBJECT, camel(name, true), required);
                default:
                    throw new IllegalStateException("contract model generator: " + name + ": unsupported type " + type);
            }
        }

        boolean primitive() {
            return !optional() && (kind == Kind.INTEGER || kind == Kind.NUMBER || kind == Kind.BOOLEAN);
        }

        /** A field of a definition's record that may be absent and has no default: an OptionalLong or an Optional. */
        boolean optional() {
            return inDefinition && !required && !node.has("default")
                    && (kind == Kind.INTEGER || kind == Kind.STRING || kind == Kind.ENUM || kind == Kind.BOOLEAN || kind == Kind.REF);
        }

        String recordType() {
            String plain = inDefinition && kind == Kind.ENUM ? "String" : javaType;
            if (!optional()) {
                return plain;
            }
            return switch (kind) {
                case INTEGER -> "OptionalLong";
                case BOOLEAN -> "Optional<Boolean>";
                default -> "Optional<" + plain + ">";
            };
        }

        /** The JSON node of a value {@code v} of this field's plain type (a definition's enums are strings). */
        String valueNodeExpr(String v) {
            return switch (kind) {
                case STRING, NULLABLE_STRING -> "JsonNodeFactory.instance.stringNode(" + v + ")";
                case ENUM -> inDefinition ? "JsonNodeFactory.instance.stringNode(" + v + ")" : "JsonNodeFactory.instance.stringNode(" + v + ".wireName())";
                case INTEGER, NUMBER -> "JsonNodeFactory.instance.numberNode(" + v + ")";
                case BOOLEAN -> "JsonNodeFactory.instance.booleanNode(" + v + ")";
                case OBJECT, REF -> v + ".toJsonNode()";
            };
        }

        /** How a definition's field is read: strictly, with its pattern or values checked. */
        private String definitionFromNodeExpr(String get) {
            String n = "\"" + wireName + "\"";
            String check = pattern != null ? ".map(v -> matching(v, " + constantName(wireName) + "_PATTERN, " + n + "))"
                    : kind == Kind.ENUM ? ".map(v -> oneOf(v, " + constantName(wireName) + "_VALUES, " + n + "))" : "";
            return switch (kind) {
                case STRING, ENUM -> optional() ? "optionalString(" + get + ", " + n + ")" + check
                        : pattern != null ? "matching(string(" + get + ", " + n + "), " + constantName(wireName) + "_PATTERN, " + n + ")"
                        : kind == Kind.ENUM ? "oneOf(string(" + get + ", " + n + "), " + constantName(wireName) + "_VALUES, " + n + ")"
                        : "string(" + get + ", " + n + ")";
                case BOOLEAN -> optional() ? "optionalBool(" + get + ", " + n + ")" : "bool(" + get + ", " + n + ")";
                case REF -> optional() ? "(" + get + " == null ? Optional.<" + javaType + ">empty() : Optional.of(" + javaType + ".fromJsonNode("
                        + get + ")))" : javaType + ".fromJsonNode(" + get + ")";
                default -> null;
            };
        }

        String toNodeExpr() {
            return valueNodeExpr(javaName);
        }

        String fromNodeExpr(String get) {
            String inDef = inDefinition ? definitionFromNodeExpr(get) : null;
            if (inDef != null) {
                return inDef;
            }
            return switch (kind) {
                case STRING -> pattern != null && inDefinition ? "matching(string(" + get + ", \"" + wireName + "\"), " + constantName(wireName) + "_PATTERN, \"" + wireName + "\")"
                        : "string(" + get + ", \"" + wireName + "\")";
                case ENUM -> javaType + ".fromWire(string(" + get + ", \"" + wireName + "\")).orElseThrow(() -> new IllegalArgumentException(\""
                        + wireName + ": not one of the schema's values\"))";
                case INTEGER -> optional() ? "optionalInteger(" + get + ", \"" + wireName + "\")"
                        : required ? "integer(present(" + get + ", \"" + wireName + "\"), \"" + wireName + "\", 0L)"
                        : "integer(" + get + ", \"" + wireName + "\", " + defaultInteger + "L)";
                case REF -> javaType + ".fromJsonNode(" + get + ")";
                case OBJECT -> javaType + ".fromJsonNode(" + get + ")";
                default -> throw new IllegalStateException("contract model generator: " + wireName + ": unsupported top-level type " + kind);
            };
        }

        String accessorType() {
            return switch (kind) {
                case STRING, NULLABLE_STRING, ENUM -> "Optional<String>";
                case INTEGER -> "OptionalLong";
                case NUMBER -> "OptionalDouble";
                case BOOLEAN -> "Optional<Boolean>";
                case REF -> "Optional<" + javaType + ">";
                case OBJECT -> throw new IllegalStateException("unsupported");
            };
        }

        String accessorBody() {
            return switch (kind) {
                case STRING, NULLABLE_STRING, ENUM -> "return v != null && v.isString() ? Optional.of(v.stringValue()) : Optional.empty();";
                case INTEGER -> "return v == null ? OptionalLong.empty() : v.isIntegralNumber() && v.canConvertToLong() ? OptionalLong.of(v.longValue())"
                        + " : v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 0x1p63"
                        + " ? OptionalLong.of((long) v.doubleValue()) : OptionalLong.empty();";
                case NUMBER -> "return v != null && v.isNumber() ? OptionalDouble.of(v.doubleValue()) : OptionalDouble.empty();";
                case BOOLEAN -> "return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();";
                case REF -> "if (v == null) {\n            return Optional.empty();\n        }\n        try {\n            return Optional.of("
                        + javaType + ".fromJsonNode(v));\n        } catch (IllegalArgumentException notConforming) {\n            return Optional.empty();\n        }";
                case OBJECT -> throw new IllegalStateException("unsupported");
            };
        }

        String setterType() {
            return switch (kind) {
                case STRING, NULLABLE_STRING, ENUM -> "String";
                case INTEGER -> "long";
                case NUMBER -> "double";
                case BOOLEAN -> "boolean";
                case REF -> javaType;
                case OBJECT -> throw new IllegalStateException("unsupported");
            };
        }

        String setterNodeExpr() {
            return switch (kind) {
                case STRING, ENUM -> "StringNode.valueOf(Objects.requireNonNull(value, \"" + wireName + "\"))";
                case NULLABLE_STRING -> "value == null ? NullNode.getInstance() : StringNode.valueOf(value)";
                case INTEGER -> "value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value)";
                case NUMBER -> "DoubleNode.valueOf(value)";
                case BOOLEAN -> "BooleanNode.valueOf(value)";
                case REF -> "Objects.requireNonNull(value, \"" + wireName + "\").toJsonNode()";
                case OBJECT -> throw new IllegalStateException("unsupported");
            };
        }
    }
}
