package dev.sigil.contract.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sigil.contract.codec.FastJson;
import tools.jackson.databind.JsonNode;

/**
 * A draft-07 schema compiled into checks that run on a line's bytes, the fast path of {@code sigil validate}
 * (docs/benchmarks.md, ADR 0042). It only ever says "valid" or "not sure": a line it calls valid is one that
 * {@code PythonJsonReader} reads, that holds no NaN or infinity, and that networknt finds valid against the same
 * schema; everything else (every invalid line among them) goes to the exact path, which finds and words the problems
 * as before. {@code FastSchemaCheckProperties} checks that claim against networknt on generated entries.
 *
 * <p>Compiles only schemas made of {@code type}, {@code enum} (of strings), {@code pattern}, {@code minimum} and
 * {@code maximum} (integers), {@code properties}, {@code required}, boolean {@code additionalProperties}, a lone
 * {@code $ref} to {@code #/definitions/NAME}, and annotations; {@link #compile} returns null for anything else. The
 * contract's schema is of that kind. Rules beyond JSON Schema on the integers of an object (the contract's usage
 * rules) are given as {@link MemberCheck}s by definition name. Thread-safe.
 */
public final class FastSchemaCheck {

    static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$comment", "default", "examples",
        "definitions");
    static final String DEFINITIONS = "#/definitions/";
    /** References followed within one path of the schema: deeper means a cycle, which the fast check leaves alone. */
    static final int MAX_REFS = 8;

    /**
     * A rule on the integer members of the objects a definition describes, checked once the object is read.
     *
     * @param integers the members it reads, in the order {@code holds} receives them
     * @param holds given each member's value, or -1 when it is absent; true when the rule holds
     */
    public record MemberCheck(List<String> integers, Predicate<long[]> holds) {
    }

    private final FastSchemaRule root;
    private final ThreadLocal<Scratch> scratch;

    private FastSchemaCheck(FastSchemaRule root) {
        this.root = root;
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    /** The check of a compiled rule tree (one decoded by {@link CompiledSchemaFile}). */
    static FastSchemaCheck of(FastSchemaRule root) {
        return new FastSchemaCheck(root);
    }

    FastSchemaRule root() {
        return root;
    }

    /** The compiled schema, or null if it uses something the fast check does not handle. */
    public static FastSchemaCheck compile(JsonNode schema) {
        return compile(schema, Map.of());
    }

    /** The compiled schema, with {@code checks} on the objects of the named definitions; null as {@link #compile(JsonNode)}. */
    public static FastSchemaCheck compile(JsonNode schema, Map<String, MemberCheck> checks) {
        try {
            FastSchemaRule root = new FastSchemaRule.Compiler(schema, checks).compile(schema, 0);
            return root == null || root.types != FastSchemaRule.OBJECT ? null : new FastSchemaCheck(root);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True only if the line {@code b[from, to)} is certainly valid; false means "not sure", never "invalid". */
    public boolean isValid(byte[] b, int from, int to) {
        Scratch s = scratch.get();
        s.scan.resetSticky();
        int i = FastJson.skipWs(b, from, to);
        i = s.check(root, b, i, to, 1);
        return i >= 0 && !s.scan.sawExponent && FastJson.skipWs(b, i, to) == to;
    }

    /** Per-thread state: the scanner and the pattern matchers. */
    static final class Scratch {
        final FastJson scan = new FastJson();
        final AsciiText text = new AsciiText();
        final Map<Pattern, Matcher> matchers = new java.util.IdentityHashMap<>();
        /** The value of the last integer read, when {@link #integerKnown}: what a member check receives. */
        long lastInteger;
        boolean integerKnown;

        /** Checks the value at {@code i} against {@code r}; the index after it, or {@link FastJson#NO}. */
        int check(FastSchemaRule r, byte[] b, int i, int end, int depth) {
            if (i >= end) {
                return FastJson.NO;
            }
            byte c = b[i];
            if (c == '"') {
                return r.types != 0 && (r.types & FastSchemaRule.STRING) == 0 ? FastJson.NO : string(r, b, i, end);
            }
            if (r.enumValues != null) {
                return FastJson.NO; // only strings are listed
            }
            if (c == '{') {
                if (r.types != 0 && (r.types & FastSchemaRule.OBJECT) == 0) {
                    return FastJson.NO;
                }
                return r.checksMembers ? object(r, b, i, end, depth) : scan.value(b, i, end, depth - 1);
            }
            int allowed = switch (c) {
                case '[' -> FastSchemaRule.ARRAY;
                case 't', 'f' -> FastSchemaRule.BOOLEAN;
                case 'n' -> FastSchemaRule.NULL;
                default -> FastSchemaRule.NUMBER;
            };
            if (allowed != FastSchemaRule.NUMBER) {
                return r.types != 0 && (r.types & allowed) == 0 ? FastJson.NO : scan.value(b, i, end, depth - 1);
            }
            return number(r, b, i, end);
        }

        private int string(FastSchemaRule r, byte[] b, int i, int end) {
            int after = scan.string(b, i, end);
            if (after < 0 || r.enumValues == null && r.pattern == null) {
                return after;
            }
            if (scan.escaped) {
                return FastJson.NO;
            }
            int from = i + 1;
            int to = after - 1;
            if (r.enumValues != null && !isOneOf(r.enumValues, b, from, to)) {
                return FastJson.NO;
            }
            if (r.known != null) {
                // Both known patterns are ASCII-only: non-ASCII text fails them, as the regular expressions do.
                if (scan.nonAscii || !r.known.matches(b, from, to)) {
                    return FastJson.NO;
                }
            } else if (r.pattern != null) {
                CharSequence s = scan.nonAscii ? new String(b, from, to - from, StandardCharsets.UTF_8) : text.of(b, from, to);
                Matcher m = matchers.computeIfAbsent(r.pattern, p -> p.matcher(""));
                if (!m.reset(s).find()) {
                    return FastJson.NO;
                }
            }
            return after;
        }

        private int number(FastSchemaRule r, byte[] b, int i, int end) {
            integerKnown = false;
            int after = scan.number(b, i, end);
            if (after < 0) {
                return FastJson.NO;
            }
            if (!scan.integral) {
                // A fraction: a number, never an integer here (networknt's 1.0 is an integer: the exact path says so).
                return (r.types != 0 && (r.types & FastSchemaRule.NUMBER) == 0) || r.minimum != null || r.maximum != null ? FastJson.NO : after;
            }
            if (r.types != 0 && (r.types & FastSchemaRule.INTEGER) == 0) {
                return FastJson.NO;
            }
            if (r.minimum == null && r.maximum == null) {
                return after;
            }
            int digits = after - i - (b[i] == '-' ? 1 : 0);
            if (digits > 18) {
                return FastJson.NO;
            }
            long v = 0;
            for (int k = b[i] == '-' ? i + 1 : i; k < after; k++) {
                v = v * 10 + (b[k] - '0');
            }
            if (b[i] == '-') {
                v = -v;
            }
            lastInteger = v;
            integerKnown = true;
            return r.minimum != null && v < r.minimum || r.maximum != null && v > r.maximum ? FastJson.NO : after;
        }

        private int object(FastSchemaRule r, byte[] b, int i, int end, int depth) {
            if (depth > FastJson.MAX_DEPTH) {
                return FastJson.NO;
            }
            long seen = 0;
            long[] values = r.check == null ? null : new long[r.check.integers().size()];
            if (values != null) {
                java.util.Arrays.fill(values, -1);
            }
            i = FastJson.skipWs(b, i + 1, end);
            if (i < end && b[i] == '}') {
                return r.required == 0 && (values == null || r.check.holds().test(values)) ? i + 1 : FastJson.NO;
            }
            while (true) {
                if (i >= end || b[i] != '"') {
                    return FastJson.NO;
                }
                int keyEnd = scan.string(b, i, end);
                if (keyEnd < 0 || scan.escaped) {
                    return FastJson.NO;
                }
                int p = indexOf(r.names, b, i + 1, keyEnd - 1);
                i = FastJson.skipWs(b, keyEnd, end);
                if (i >= end || b[i] != ':') {
                    return FastJson.NO;
                }
                i = FastJson.skipWs(b, i + 1, end);
                if (p >= 0) {
                    if ((seen & 1L << p) != 0) {
                        return FastJson.NO; // a repeated key: the last value wins; leave that to the exact path
                    }
                    seen |= 1L << p;
                    integerKnown = false;
                    i = check(r.properties[p], b, i, end, depth + 1);
                    if (values != null && r.slots[p] >= 0 && i >= 0) {
                        if (!integerKnown || lastInteger < 0) {
                            return FastJson.NO;
                        }
                        values[r.slots[p]] = lastInteger;
                    }
                } else if (r.additional) {
                    i = scan.value(b, i, end, depth);
                } else {
                    return FastJson.NO;
                }
                if (i < 0) {
                    return FastJson.NO;
                }
                i = FastJson.skipWs(b, i, end);
                if (i >= end) {
                    return FastJson.NO;
                }
                if (b[i] == '}') {
                    return (seen & r.required) == r.required && (values == null || r.check.holds().test(values)) ? i + 1 : FastJson.NO;
                }
                if (b[i] != ',') {
                    return FastJson.NO;
                }
                i = FastJson.skipWs(b, i + 1, end);
            }
        }

        static int indexOf(byte[][] names, byte[] b, int from, int to) {
            int n = to - from;
            for (int k = 0; k < names.length; k++) {
                byte[] name = names[k];
                if (name.length == n && FastJson.equalsAt(b, from, name)) {
                    return k;
                }
            }
            return -1;
        }

        private static boolean isOneOf(byte[][] values, byte[] b, int from, int to) {
            return indexOf(values, b, from, to) >= 0;
        }
    }

    /** An ASCII byte range seen as characters, reused so that matching a pattern allocates no string. */
    private static final class AsciiText implements CharSequence {
        private byte[] b;
        private int from;
        private int to;

        AsciiText of(byte[] bytes, int start, int end) {
            this.b = bytes;
            this.from = start;
            this.to = end;
            return this;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) b[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, from + start, end - start, StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return new String(b, from, to - from, StandardCharsets.US_ASCII);
        }
    }
}
