package dev.sigil.contract.codec;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one line the way CPython reads it: {@code json.loads(line.decode('utf-8'))}.
 *
 * <p>Accepts what CPython accepts beyond RFC 8259 ({@code NaN}, {@code Infinity}, {@code -Infinity}, numbers that
 * overflow to infinity, lone surrogates in escapes, duplicate keys with the last value winning at the first key's
 * position, any value at the top level) and refuses what it refuses (invalid UTF-8, a BOM, raw control characters in
 * strings, integers of more than 4300 digits, anything after the value). Jackson's streaming parser does the
 * tokenizing; this class builds the tree and closes the gaps between Jackson's leniency and CPython's. Nesting is
 * bounded (CPython's own limit is its recursion limit, about 1000 levels, which depends on the caller's stack).
 * Thread-safe and reusable.
 */
public final class PythonJsonReader {

    /** CPython's default {@code sys.get_int_max_str_digits()}: longer integer literals raise ValueError. */
    public static final int MAX_INT_DIGITS = 4300;

    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 1000;

    private static final Set<String> NON_FINITE_LITERALS = Set.of("NaN", "Infinity", "-Infinity");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;

    public PythonJsonReader() {
        this.factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .maxDocumentLength(-1)
                        .maxTokenCount(-1)
                        .build())
                .build();
    }

    /** Parses a whole line (without its newline). */
    public JsonNode read(byte[] line) {
        return read(line, 0, line.length);
    }

    /**
     * Parses {@code bytes[from, to)}, one line without its newline.
     *
     * @throws JsonSyntaxException with the reason and 1-based character column if CPython would refuse the line
     */
    public JsonNode read(byte[] bytes, int from, int to) {
        int bad = StrictUtf8.firstInvalid(bytes, from, to);
        if (bad >= 0) {
            throw new JsonSyntaxException(String.format("invalid UTF-8 (byte 0x%02x)", bytes[bad] & 0xFF),
                    StrictUtf8.codePoints(bytes, from, bad) + 1);
        }
        if (to - from >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB && (bytes[from + 2] & 0xFF) == 0xBF) {
            throw new JsonSyntaxException("unexpected UTF-8 byte order mark", 1);
        }
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes, from, to - from)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("expecting a value", column(bytes, from, to, parser.currentLocation()));
            }
            JsonNode root = buildTree(parser, first, bytes, from, to);
            JsonToken extra;
            try {
                extra = parser.nextToken();
            } catch (JacksonException e) {
                extra = JsonToken.NOT_AVAILABLE;
            }
            if (extra != null) {
                throw new JsonSyntaxException("extra data after the value", column(bytes, from, to, parser.currentTokenLocation()));
            }
            return root;
        } catch (JacksonException e) {
            throw new JsonSyntaxException(describe(e), column(bytes, from, to, e.getLocation()));
        }
    }

    /** Parses a Java string (used for tests and for text that never was bytes). */
    public JsonNode read(String text) {
        return read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private JsonNode buildTree(JsonParser p, JsonToken first, byte[] bytes, int from, int to) {
        ArrayDeque<ContainerNode<?>> stack = new ArrayDeque<>();
        ArrayDeque<String> names = new ArrayDeque<>();
        JsonToken t = first;
        JsonNode root = null;
        while (true) {
            JsonNode value;
            switch (t) {
                case START_OBJECT -> {
                    ObjectNode o = NODES.objectNode();
                    attach(stack, names, o);
                    stack.push(o);
                    value = null;
                }
                case START_ARRAY -> {
                    ArrayNode a = NODES.arrayNode();
                    attach(stack, names, a);
                    stack.push(a);
                    value = null;
                }
                case END_OBJECT, END_ARRAY -> {
                    ContainerNode<?> done = stack.pop();
                    if (stack.isEmpty()) {
                        return done;
                    }
                    value = null;
                }
                case PROPERTY_NAME -> {
                    names.push(p.currentName());
                    value = null;
                }
                case VALUE_STRING -> value = NODES.stringNode(p.getString());
                case VALUE_NUMBER_INT -> value = integer(p, bytes, from, to);
                case VALUE_NUMBER_FLOAT -> value = floating(p, bytes, from, to);
                case VALUE_TRUE -> value = NODES.booleanNode(true);
                case VALUE_FALSE -> value = NODES.booleanNode(false);
                case VALUE_NULL -> value = NODES.nullNode();
                default -> throw new JsonSyntaxException("unexpected token " + t, column(bytes, from, to, p.currentTokenLocation()));
            }
            if (value != null) {
                if (stack.isEmpty()) {
                    root = value;
                    return root;
                }
                attach(stack, names, value);
            }
            t = p.nextToken();
            if (t == null) {
                throw new JsonSyntaxException("unexpected end of line", column(bytes, from, to, p.currentLocation()));
            }
        }
    }

    private static void attach(ArrayDeque<ContainerNode<?>> stack, ArrayDeque<String> names, JsonNode value) {
        ContainerNode<?> parent = stack.peek();
        if (parent == null) {
            return;
        }
        if (parent instanceof ObjectNode o) {
            // Python's dict keeps the first position of a repeated key and the last value: so does LinkedHashMap.
            o.set(names.pop(), value);
        } else {
            ((ArrayNode) parent).add(value);
        }
    }

    private static JsonNode integer(JsonParser p, byte[] bytes, int from, int to) {
        int digits = p.getTextLength() - (p.getTextCharacters()[p.getTextOffset()] == '-' ? 1 : 0);
        if (digits > MAX_INT_DIGITS) {
            throw new JsonSyntaxException("integer of " + digits + " digits exceeds CPython's limit of " + MAX_INT_DIGITS,
                    column(bytes, from, to, p.currentTokenLocation()));
        }
        return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> {
                BigInteger big = p.getBigIntegerValue();
                yield NODES.numberNode(big);
            }
        };
    }

    private static JsonNode floating(JsonParser p, byte[] bytes, int from, int to) {
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            String text = p.getText();
            boolean numeric = !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' && text.length() > 1 && Character.isDigit(text.charAt(1)));
            if (!numeric && !NON_FINITE_LITERALS.contains(text)) {
                throw new JsonSyntaxException("expecting a value (CPython knows only NaN, Infinity and -Infinity)",
                        column(bytes, from, to, p.currentTokenLocation()));
            }
        }
        return NODES.numberNode(d);
    }

    private static int column(byte[] bytes, int from, int to, TokenStreamLocation location) {
        if (location == null) {
            return 1;
        }
        long offset = location.getByteOffset();
        if (offset < 0) {
            return Math.max(1, location.getColumnNr());
        }
        int end = (int) Math.min(to, from + offset);
        return StrictUtf8.codePoints(bytes, from, end) + 1;
    }

    /** Jackson's message without its location suffix, which the caller reports as a column. */
    static String describe(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "invalid JSON";
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int source = m.indexOf(" (start marker at");
        if (source >= 0) {
            m = m.substring(0, source);
        }
        return JsonErrorMessages.translate(m.trim());
    }
}
