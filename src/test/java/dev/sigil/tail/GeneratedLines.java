package dev.sigil.tail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.sigil.contract.codec.PythonFloatRepr;

/**
 * Random log lines for the compat tests: both dialects and other objects, with odd timestamps, levels, operations and
 * components, messages full of quotes, backslashes, non-ASCII, control characters and odd values, plus broken lines
 * (not JSON, not objects, invalid UTF-8, NUL and BOM prefixes, CRLF, blank, too long).
 *
 * <p>Left out, because jq 1.6 and CPython read them differently and the two tails are documented to differ there
 * (docs/cli.md, scripts/file_monitor.sh): lone high surrogates in escapes, raw NUL or U+001F inside strings, number
 * forms CPython refuses ({@code 01}, {@code +1}, {@code .5}) and nesting deeper than 256 levels.
 */
final class GeneratedLines {

    private static final String[] EVENT_TYPES = {"session_start", "session_complete", "session_error", "step_start", "step_complete",
        "step_error", "token_consumption", "budget_warning", "budget_exceeded", "retry_attempt", "memory_retrieved", "plan_created",
        "reasoning_step", "contract_validated", "error", "alert", "custom_type"};
    private static final String[] TIMESTAMPS = {"\"2026-01-11T10:15:32.123456\"", "\"2026-01-11T10:15:32\"", "\"2026-01-11T14:30:00.275Z\"",
        "\"2026-01-11T10:15:32+01:00\"", "\"2026-01-11T10:15:32Z\"", "\"2026-01-11 10:15:32.5\"", "\"2026-01-11t10:15:32\"", "\"\"",
        "\"T\"", "\"2026-01-11T\"", "\"10:15:32\"", "\"x.y.z\"", "\"\\u00e9\\u00e9T\\ud83d\\ude00.1\"", "1736590532.25", "1736590532",
        "null", "[\"2026T1\"]", "{\"a\":\"T.b\"}", "true", "\"2026-01-11T10:15:32.\"", "\"T.T\""};
    private static final String[] LEVELS = {"\"info\"", "\"debug\"", "\"warning\"", "\"error\"", "\"critical\"", "\"Warn\"", "\"WARNING\"",
        "\"d\\u00e9bug\"", "\"\"", "30", "null", "true"};
    private static final String[] OPERATIONS = {"null", "\"route_request\"", "\"\"", "7", "false", "\"op/\\u00e9\"", "\"initialize\""};
    private static final String[] COMPONENTS = {"\"routing\"", "\"router\"", "\"cli\"", "\"tools\"", "\"\"", "null", "[\"x\"]",
        "{\"c\":1}", "3.5", "\"orchestrator\""};
    private static final String[] PIECES = {"word", " ", "\\\"quoted\\\"", "back\\\\slash", "\\\\n", "\u00e9", "\ud83d\ude00", "\u4e2d\u6587",
        "\\u0001", "\\u001b[31m", "\\r", "\\n", "\\t", "\\u007f", "\\u0085", "\\u2028", "\\udc00", "\\ud83d\\ude00", "\\u00e9", "/",
        "\\/", "%d", "{}", "null", "\\u0000", "\\u001f", "\\u202e"};
    private static final String[] BROKEN = {"not json", "{\"message\":", "{'a':1}", "[1,2]", "42", "\"str\"", "null", "{} {}",
        "{\"a\":1,}", "", "   ", "\r", "\t \r"};

    private GeneratedLines() {
    }

    /**
     * One line (with its newline): an entry whose "message" is exactly {@code message} when {@code dice} is below
     * 70 (so that tests can wait for it), otherwise something broken or odd.
     */
    static byte[] random(Random r, String message, int dice, int maxLine) {
        if (dice < 70) {
            return utf8(entry(r, "\"" + message + "\"") + "\n");
        }
        return odd(r, dice, maxLine);
    }

    /** True if the line was built as an entry with a plain message. */
    static boolean isEntry(byte[] line) {
        String s = new String(line, StandardCharsets.UTF_8);
        return s.startsWith("{\"note\":");
    }

    /** Something other than a plain entry: an odd entry, a broken line, a long line, invalid UTF-8, prefixes. */
    static byte[] odd(Random r, int dice, int maxLine) {
        int kind = dice % 10;
        switch (kind) {
            case 0 -> {
                return utf8(BROKEN[r.nextInt(BROKEN.length)] + "\n");
            }
            case 1 -> {
                return utf8("{\"message\":\"" + "L".repeat(maxLine + r.nextInt(500)) + "\"}\n");
            }
            case 2 -> {
                return withInvalidUtf8(r, entry(r, message(r)));
            }
            case 3 -> {
                return concat(new byte[r.nextInt(3) + 1], utf8(entry(r, message(r)) + "\n"));
            }
            case 4 -> {
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(entry(r, message(r)) + "\n"));
            }
            case 5 -> {
                return utf8("  " + entry(r, message(r)) + " \r\n");
            }
            case 6 -> {
                return longNonAscii(r, maxLine - 300 + r.nextInt(600));
            }
            default -> {
                return utf8(entry(r, message(r)) + "\n");
            }
        }
    }

    /** An object line in one of the dialects, with the given message JSON (or none when null). */
    static String entry(Random r, String messageJson) {
        List<String> fields = new ArrayList<>();
        int dialect = r.nextInt(3);
        if (messageJson != null && messageJson.startsWith("\"r")) {
            fields.add("\"note\":" + r.nextInt(1000));
        }
        if (r.nextInt(8) != 0) {
            fields.add("\"timestamp\":" + TIMESTAMPS[r.nextInt(TIMESTAMPS.length)]);
        }
        fields.add("\"session_id\":\"s-1\"");
        if (dialect == 0) {
            fields.add("\"event_type\":\"" + EVENT_TYPES[r.nextInt(EVENT_TYPES.length)] + "\"");
        } else if (dialect == 1) {
            fields.add("\"id\":\"log_" + r.nextInt(100) + "\"");
        }
        if (dialect == 1 || r.nextInt(6) == 0) {
            fields.add("\"level\":" + LEVELS[r.nextInt(LEVELS.length)]);
        }
        if (dialect == 1 || r.nextInt(6) == 0) {
            fields.add("\"operation\":" + OPERATIONS[r.nextInt(OPERATIONS.length)]);
        }
        if (r.nextInt(8) != 0) {
            fields.add("\"component\":" + COMPONENTS[r.nextInt(COMPONENTS.length)]);
        }
        if (messageJson != null) {
            fields.add("\"message\":" + messageJson);
        }
        if (r.nextInt(3) == 0) {
            fields.add("\"tokens\":" + r.nextInt(5000));
            fields.add("\"metadata\":{\"latency_ms\":" + number(r) + ",\"nested\":[" + value(r, 2) + "]}");
        }
        if (r.nextInt(15) == 0 && messageJson != null) {
            fields.add("\"message\":" + messageJson);
        }
        if (messageJson == null || !messageJson.startsWith("\"r")) {
            java.util.Collections.shuffle(fields, r);
        }
        StringBuilder s = new StringBuilder("{");
        String separator = r.nextInt(5) == 0 ? ", " : ",";
        for (int i = 0; i < fields.size(); i++) {
            s.append(i == 0 ? "" : separator).append(fields.get(i));
        }
        return s.append('}').toString();
    }

    /** A random message value: usually a string of odd pieces, sometimes another JSON value, sometimes absent. */
    static String message(Random r) {
        int dice = r.nextInt(10);
        if (dice == 0) {
            return null;
        }
        if (dice < 3) {
            return value(r, 3);
        }
        return string(r);
    }

    static String string(Random r) {
        StringBuilder s = new StringBuilder("\"");
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return s.append('"').toString();
    }

    static String value(Random r, int depth) {
        int dice = r.nextInt(depth > 0 ? 10 : 7);
        return switch (dice) {
            case 0 -> number(r);
            case 1 -> Long.toString(r.nextLong() & Long.MAX_VALUE);
            case 2 -> r.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> new String[] {"NaN", "Infinity", "-Infinity", "1e400", "123456789012345678901234567890", "5e-324", "1E17", "-1.5e-7",
                "-0"}[r.nextInt(9)];
            case 5, 6 -> string(r);
            case 7 -> "[" + value(r, depth - 1) + "," + value(r, depth - 1) + "]";
            default -> "{\"k\u00e9\":" + value(r, depth - 1) + ",\"a\":" + value(r, depth - 1) + "}";
        };
    }

    static String number(Random r) {
        double d;
        do {
            d = switch (r.nextInt(4)) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> r.nextInt(100_000) / 100.0;
                case 2 -> Math.scalb(r.nextDouble(), r.nextInt(140) - 70);
                default -> (double) r.nextInt(1000);
            };
        } while (!Double.isFinite(d));
        return PythonFloatRepr.repr(d);
    }

    /** An entry of about {@code bytes} bytes whose message is 1- to 4-byte characters, cut anywhere by 4095-byte pieces. */
    private static byte[] longNonAscii(Random r, int bytes) {
        String[] chars = {"a", "\u00e9", "\u65e5", "\ud83d\ude80", "\u2014"};
        StringBuilder s = new StringBuilder("{\"message\":\"");
        while (s.toString().getBytes(StandardCharsets.UTF_8).length < bytes - 6) {
            for (int i = 0; i < 64; i++) {
                s.append(chars[r.nextInt(chars.length)]);
            }
        }
        return utf8(s.append("\"}\n").toString());
    }

    private static byte[] withInvalidUtf8(Random r, String entry) {
        byte[] bytes = utf8(entry);
        int quote = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\"session_id\":\"") + 14;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, quote);
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.write(r.nextBoolean() ? 0x80 + r.nextInt(128) : 'a' + r.nextInt(26));
        }
        out.write(bytes, quote, bytes.length - quote);
        out.write('\n');
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
