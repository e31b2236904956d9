package dev.sigil.contract.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * One node of a schema compiled for {@link FastSchemaCheck} (ADR 0042), and the compiler that makes them, following
 * references into the root's definitions.
 */
final class FastSchemaRule {
    static final int STRING = 1;
    static final int INTEGER = 2;
    static final int NUMBER = 4;
    static final int BOOLEAN = 8;
    static final int NULL = 16;
    static final int OBJECT = 32;
    static final int ARRAY = 64;

    /** Allowed types; 0 for any. */
    int types;
    byte[][] enumValues;
    Pattern pattern;
    /** A hand-written matcher for {@link #pattern}, if it is one of the contract's. */
    KnownPatterns.Matcher known;
    Long minimum;
    Long maximum;
    byte[][] names = new byte[0][];
    FastSchemaRule[] properties = new FastSchemaRule[0];
    long required;
    boolean additional = true;
    /** Whether objects need a walk of their members (else any object is fine). */
    boolean checksMembers;
    /** A rule on the integer members, or null; {@link #slots} says which property goes where. */
    FastSchemaCheck.MemberCheck check;
    /** The definition whose {@link #check} this is (its key in the compiler's checks), or null. */
    String checkName;
    int[] slots = new int[0];

    /** Compiles schema nodes, following references into the root's definitions. */
    record Compiler(JsonNode root, Map<String, FastSchemaCheck.MemberCheck> checks) {

        FastSchemaRule compile(JsonNode schema, int refs) {
            if (!schema.isObject()) {
                return null;
            }
            if (schema.has("$ref")) {
                return reference(schema, refs);
            }
            FastSchemaRule r = new FastSchemaRule();
            List<String> names = new ArrayList<>();
            List<FastSchemaRule> rules = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : schema.properties()) {
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "type" -> r.types = types(v);
                    case "enum" -> r.enumValues = strings(v);
                    case "pattern" -> {
                        r.pattern = Pattern.compile(v.stringValue());
                        r.known = KnownPatterns.forSource(v.stringValue());
                    }
                    case "minimum" -> r.minimum = bound(v);
                    case "maximum" -> r.maximum = bound(v);
                    case "additionalProperties" -> r.additional = v.booleanValue();
                    case "required" -> {
                        // resolved below, once the properties are known
                    }
                    case "properties" -> {
                        for (Map.Entry<String, JsonNode> p : v.properties()) {
                            FastSchemaRule child = compile(p.getValue(), refs);
                            if (child == null) {
                                return null;
                            }
                            names.add(p.getKey());
                            rules.add(child);
                        }
                    }
                    default -> {
                        if (!FastSchemaCheck.ANNOTATIONS.contains(e.getKey())) {
                            return null;
                        }
                    }
                }
            }
            if (schema.has("additionalProperties") && !schema.get("additionalProperties").isBoolean()
                    || r.types < 0 || schema.has("enum") && r.enumValues == null || schema.has("pattern") && !schema.get("pattern").isString()) {
                return null;
            }
            JsonNode required = schema.get("required");
            if (required != null) {
                for (Iterator<JsonNode> it = required.values().iterator(); it.hasNext(); ) {
                    String name = it.next().stringValue();
                    if (!names.contains(name)) {
                        names.add(name);
                        rules.add(new FastSchemaRule());
                    }
                    r.required |= 1L << names.indexOf(name);
                }
            }
            if (names.size() > 64) {
                return null;
            }
            r.names = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            r.properties = rules.toArray(new FastSchemaRule[0]);
            r.checksMembers = !names.isEmpty() || !r.additional;
            return r;
        }

        /** A lone {@code $ref} to a definition of the root, compiled with the definition's member check if any. */
        private FastSchemaRule reference(JsonNode schema, int refs) {
            String ref = schema.get("$ref").isString() ? schema.get("$ref").stringValue() : "";
            for (Map.Entry<String, JsonNode> e : schema.properties()) {
                if (!e.getKey().equals("$ref") && !FastSchemaCheck.ANNOTATIONS.contains(e.getKey())) {
                    return null;
                }
            }
            String name = ref.startsWith(FastSchemaCheck.DEFINITIONS) ? ref.substring(FastSchemaCheck.DEFINITIONS.length()) : null;
            JsonNode target = name == null || name.contains("/") || name.contains("~") ? null : root.path("definitions").get(name);
            if (target == null || refs >= FastSchemaCheck.MAX_REFS) {
                return null;
            }
            FastSchemaRule r = compile(target, refs + 1);
            FastSchemaCheck.MemberCheck check = checks.get(name);
            if (r == null || check == null) {
                return r;
            }
            r.check = check;
            r.checkName = name;
            r.slots = new int[r.names.length];
            java.util.Arrays.fill(r.slots, -1);
            for (int i = 0; i < check.integers().size(); i++) {
                byte[] member = check.integers().get(i).getBytes(StandardCharsets.UTF_8);
                int p = FastSchemaCheck.Scratch.indexOf(r.names, member, 0, member.length);
                if (p < 0) {
                    return null; // a rule on a member the definition does not have
                }
                r.slots[p] = i;
            }
            r.checksMembers = true;
            return r;
        }

        private static int types(JsonNode v) {
            if (v.isString()) {
                return type(v.stringValue());
            }
            int t = 0;
            for (JsonNode x : v.values()) {
                int one = x.isString() ? type(x.stringValue()) : -1;
                if (one < 0) {
                    return -1;
                }
                t |= one;
            }
            return t == 0 ? -1 : t;
        }

        private static int type(String name) {
            return switch (name) {
                case "string" -> FastSchemaRule.STRING;
                case "integer" -> FastSchemaRule.INTEGER;
                case "number" -> FastSchemaRule.NUMBER | FastSchemaRule.INTEGER;
                case "boolean" -> FastSchemaRule.BOOLEAN;
                case "null" -> FastSchemaRule.NULL;
                case "object" -> FastSchemaRule.OBJECT;
                case "array" -> FastSchemaRule.ARRAY;
                default -> -1;
            };
        }

        private static byte[][] strings(JsonNode v) {
            List<byte[]> out = new ArrayList<>();
            for (JsonNode x : v.values()) {
                if (!x.isString()) {
                    return null;
                }
                out.add(x.stringValue().getBytes(StandardCharsets.UTF_8));
            }
            return out.toArray(new byte[0][]);
        }

        private static Long bound(JsonNode v) {
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new IllegalArgumentException("bound not a long");
            }
            return v.longValue();
        }
    }
}
