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

    /**
     * The parser factory, made on the first parse (thread-safe, shared by every reader): a reader made and never
     * used, as a tail's of a native log is (ADR 0230), initialises none of Jackson.
     */
    private static final class Factory {
        static final JsonNodeFactory NODES = JsonNodeFactory.instance;
        static final JsonFactory INSTANCE = JsonFactory.builder()
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

    public PythonJsonReader() {
        // stateless: every parse has a parser of its own from the shared factory
    }

    /**
     * Whether {@code value} is the integer literal {@code -0}: the integer 0 for CPython, {@code -0} for jq
     * (docs/cli.md, the jq tail).
     */
    public static boolean writtenAsNegativeZero(JsonNode value) {
        return value instanceof NegativeZeroInt;
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
        Columns columns = offset -> StrictUtf8.codePoints(bytes, from, (int) Math.min(to, from + offset)) + 1;
        if (nulInFirstFour(bytes, from, to)) {
            // Jackson guesses UTF-16 or UTF-32 from zero bytes at the start ("0\0" would read as 0); CPython reads
            // UTF-8 only and refuses any NUL. Four leading spaces keep the guess away; columns shift back by four.
            byte[] padded = new byte[to - from + 4];
            java.util.Arrays.fill(padded, 0, 4, (byte) ' ');
            System.arraycopy(bytes, from, padded, 4, to - from);
            return parse(padded, 0, padded.length, offset -> columns.at(Math.max(0, offset - 4)));
        }
        try {
            return parse(bytes, from, to, columns);
        } catch (JsonSyntaxException e) {
            LoneSurrogateNames.Rewrite rewrite = LoneSurrogateNames.rewrite(bytes, from, to);
            if (rewrite == null) {
                throw e;
            }
            byte[] b = rewrite.bytes();
            return rewrite.restore(parse(b, 0, b.length, offset -> columns.at(rewrite.originalOffset(offset))));
        }
    }

    private static boolean nulInFirstFour(byte[] bytes, int from, int to) {
        for (int i = from; i < Math.min(to, from + 4); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Maps a byte offset within the parsed bytes to the 1-based character column of the line the user wrote. */
    @FunctionalInterface
    private interface Columns {
        int at(long byteOffset);

        default int at(TokenStreamLocation location) {
            if (location == null) {
                return 1;
            }
            long offset = location.getByteOffset();
            return offset < 0 ? Math.max(1, location.getColumnNr()) : at(offset);
        }
    }

    private JsonNode parse(byte[] bytes, int from, int to, Columns columns) {
        try (JsonParser parser = Factory.INSTANCE.createParser(ObjectReadContext.empty(), bytes, from, to - from)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonSyntaxException("expecting a value", columns.at(parser.currentLocation()));
            }
            JsonNode root = buildTree(parser, first, columns);
            JsonToken extra;
            try {
                extra = parser.nextToken();
            } catch (JacksonException e) {
                extra = JsonToken.NOT_AVAILABLE;
            }
            if (extra != null) {
                throw new JsonSyntaxException("extra data after the value", columns.at(parser.currentTokenLocation()));
            }
            return root;
        } catch (JacksonException e) {
            throw new JsonSyntaxException(describe(e), columns.at(e.getLocation()));
        }
    }

    /** Parses a Java string (used for tests and for text that never was bytes). */
    public JsonNode read(String text) {
        return read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private JsonNode buildTree(JsonParser p, JsonToken first, Columns columns) {
        ArrayDeque<ContainerNode<?>> stack = new ArrayDeque<>();
        ArrayDeque<String> names = new ArrayDeque<>();
        JsonToken t = first;
        JsonNode root = null;
        while (true) {
            JsonNode value;
            switch (t) {
                case START_OBJECT -> {
                    ObjectNode o = Factory.NODES.objectNode();
                    attach(stack, names, o);
                    stack.push(o);
                    value = null;
                }
                case START_ARRAY -> {
                    ArrayNode a = Factory.NODES.arrayNode();
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
                case VALUE_STRING -> value = Factory.NODES.stringNode(p.getString());
                case VALUE_NUMBER_INT -> value = integer(p, columns);
                case VALUE_NUMBER_FLOAT -> value = floating(p, columns);
                case VALUE_TRUE -> value = Factory.NODES.booleanNode(true);
                case VALUE_FALSE -> value = Factory.NODES.booleanNode(false);
                case VALUE_NULL -> value = Factory.NODES.nullNode();
                default -> throw new JsonSyntaxException("unexpected token " + t, columns.at(p.currentTokenLocation()));
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
                throw new JsonSyntaxException("unexpected end of line", columns.at(p.currentLocation()));
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

    private static JsonNode integer(JsonParser p, Columns columns) {
        int digits = p.getStringLength() - (p.getStringCharacters()[p.getStringOffset()] == '-' ? 1 : 0);
        if (digits > MAX_INT_DIGITS) {
            throw new JsonSyntaxException("integer of " + digits + " digits exceeds CPython's limit of " + MAX_INT_DIGITS,
                    columns.at(p.currentTokenLocation()));
        }
        return switch (p.getNumberType()) {
            case INT -> p.getIntValue() == 0 && p.getStringLength() == 2 ? new NegativeZeroInt() // the literal -0
                    : Factory.NODES.numberNode(p.getIntValue());
            case LONG -> Factory.NODES.numberNode(p.getLongValue());
            default -> {
                BigInteger big = p.getBigIntegerValue();
                yield Factory.NODES.numberNode(big);
            }
        };
    }

    private static JsonNode floating(JsonParser p, Columns columns) {
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            String text = p.getString();
            boolean numeric = !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' && text.length() > 1 && Character.isDigit(text.charAt(1)));
            if (!numeric && !NON_FINITE_LITERALS.contains(text)) {
                throw new JsonSyntaxException("expecting a value (CPython knows only NaN, Infinity and -Infinity)",
                        columns.at(p.currentTokenLocation()));
            }
        }
        return Factory.NODES.numberNode(d);
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
