package dev.sigil.reliability;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON-parser torture corpus, written at test time into a directory (the big files are never committed): invalid
 * syntax of every kind, nesting 100,000 levels deep, numbers of 10,000 digits, duplicate keys, lone surrogates,
 * overlong and invalid UTF-8, byte order marks, NUL bytes, and lines of {@code hugeBytes} bytes with and without a
 * newline. Every file ends with a valid execution entry, its canary ({@code "message":"canary NAME"}): a reader that
 * goes on after the bad input shows it.
 */
final class TortureCorpus {

    /** A corpus file, the name its canary carries, and the number of its bad line. */
    record Case(String name, Path file, int badLine) {
        String canary() {
            return "canary " + name;
        }
    }

    /**
     * Cases whose bad line is JSON as CPython reads it, so that the reader accepts it (docs/contract.md §7: NaN and
     * infinities, numbers that overflow to infinity, floats of any length, lone surrogate escapes, any value at the top
     * level, duplicate keys where the last value wins). Every other case is refused by every reader.
     */
    static final Set<String> JSON_FOR_CPYTHON = Set.of("syntax-31", "syntax-32", "syntax-33", "syntax-34", "syntax-35", "syntax-36",
            "syntax-37", "syntax-38", "syntax-39", "syntax-40", "syntax-41", "syntax-42", "syntax-43", "digits-float", "digits-exponent");
    /** Of those, the ones that are not objects: {@code sigil tail} and the monitor skip and report them. */
    static final Set<String> NOT_OBJECTS = Set.of("syntax-31", "syntax-32", "syntax-33", "syntax-34");
    /** The one bad line that is a valid execution entry: duplicate keys, the last one wins (docs/contract.md §7). */
    static final String VALID_ENTRY = "syntax-43";
    /**
     * Cases that the tail readers repair before parsing (docs/cli.md, sigil tail): one byte order mark and leading NUL
     * bytes (what a copy-truncate leaves) are dropped before a line, so these lines are shown, or blank.
     */
    static final Set<String> REPAIRED_BY_TAIL = Set.of("bom-first", "nul-first", "nul-run");

    private TortureCorpus() {
    }

    /** Whether {@code sigil tail} and the monitor must report the case's bad line. */
    static boolean reportedByTail(String name) {
        return !REPAIRED_BY_TAIL.contains(name) && (!JSON_FOR_CPYTHON.contains(name) || NOT_OBJECTS.contains(name));
    }

    static String canaryLine(String name) {
        return "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"torture\",\"event_type\":\"step_complete\","
                + "\"component\":\"routing\",\"message\":\"canary " + name + "\",\"tokens\":1,\"metadata\":{}}\n";
    }

    /** The small cases: bad bytes of one line each (no newline: the corpus adds it). */
    static Map<String, byte[]> smallCases() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        String[] syntax = {
            "{", "}", "[", "]", "{\"a\":}", "{\"a\" 1}", "{,}", "[1,]", "{\"a\":1,}", "{'a':1}", "{\"a\":tru}", "{\"a\":True}",
            "{\"a\":undefined}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":0x10}", "{\"a\":1e}", "{\"a\":-}",
            "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"raw\ttab\"}", "{\"a\":\"unterminated",
            "{\"a\":[1,2}", "{\"a\":{\"b\":1]}", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "// comment", "{\"a\":1 /* c */}",
            "\"just a string\"", "[]", "null", "123", "{}", "{\"a\":NaN}", "{\"a\":-Infinity}", "{\"a\":1e999999}",
            "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udfaa\"}", "{\"\\ud800\":1}", "{\"a\":1,\"a\":2}",
            "{\"timestamp\":\"x\",\"timestamp\":\"2026-01-11T10:15:32\",\"session_id\":\"torture\",\"event_type\":\"step_complete\","
                + "\"component\":\"routing\",\"message\":\"duplicate keys, the last one wins\",\"tokens\":1,\"metadata\":{}}",
        };
        for (int i = 0; i < syntax.length; i++) {
            c.put("syntax-" + i, syntax[i].getBytes(StandardCharsets.UTF_8));
        }
        c.put("digits-int", ("{\"a\":" + "7".repeat(10_000) + "}").getBytes(StandardCharsets.US_ASCII));
        c.put("digits-float", ("{\"a\":0." + "3".repeat(10_000) + "e-5}").getBytes(StandardCharsets.US_ASCII));
        c.put("digits-exponent", ("{\"a\":1e" + "9".repeat(10_000) + "}").getBytes(StandardCharsets.US_ASCII));
        c.put("digits-tokens", canaryLine("x").trim().replace("\"tokens\":1", "\"tokens\":" + "9".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
        c.put("nest-arrays", nested("[", "]", 100_000));
        c.put("nest-objects", nested("{\"a\":", "}", 100_000));
        c.put("nest-unclosed", "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        c.put("nest-in-metadata", canaryLine("x").trim().replace("\"metadata\":{}", "\"metadata\":{\"d\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                .getBytes(StandardCharsets.US_ASCII));
        int[][] utf8 = {
            {0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xF0, 0x80, 0x80, 0xAF}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xFC, 0x84, 0x80, 0x80, 0x80, 0x80},
            {0xFF}, {0xFE}, {0x80}, {0xBF}, {0xE2, 0x82}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80},
        };
        for (int i = 0; i < utf8.length; i++) {
            c.put("utf8-" + i, concat("{\"message\":\"", bytes(utf8[i]), "\"}"));
            c.put("utf8-key-" + i, concat("{\"", bytes(utf8[i]), "\":1}"));
        }
        c.put("utf8-outside-strings", concat("{\"a\":1", bytes(new int[] {0xC3, 0xA9}), "}"));
        c.put("bom-first", concat("", bytes(new int[] {0xEF, 0xBB, 0xBF}), canaryLine("bom").trim()));
        c.put("bom-twice", concat("", bytes(new int[] {0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF}), "{}"));
        c.put("bom-utf16", bytes(new int[] {0xFF, 0xFE, '{', 0, '}', 0}));
        c.put("nul-in-string", concat("{\"message\":\"a", new byte[] {0}, "b\"}"));
        c.put("nul-first", concat("", new byte[] {0, 0, 0}, "{}"));
        c.put("nul-run", new byte[4096]);
        c.put("nul-between-tokens", concat("{\"a\":", new byte[] {0}, "1}"));
        c.put("cr-only", "{\"a\":1}\r{\"b\":2}\r".getBytes(StandardCharsets.US_ASCII));
        c.put("controls", bytes(new int[] {0x1B, '[', '2', 'J', 0x07, 0x08, 0x7F, 0x9B}));
        return c;
    }

    /**
     * Writes every small case to a file of its own (the bad line, a newline, the canary), and {@code combined.jsonl}
     * with all of them in turn (for readers that take one file). Returns the cases, in order.
     */
    static List<Case> writeSmall(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (OutputStream combined = new BufferedOutputStream(Files.newOutputStream(dir.resolve("combined.jsonl")))) {
            for (Map.Entry<String, byte[]> e : smallCases().entrySet()) {
                Path file = dir.resolve(e.getKey() + ".jsonl");
                byte[] content = concat("", e.getValue(), "\n" + canaryLine(e.getKey()));
                Files.write(file, content);
                combined.write(content);
                cases.add(new Case(e.getKey(), file, 1));
            }
        }
        return cases;
    }

    /** A line of {@code bytes} bytes (a string that never ends) after a canary, with no newline: the file ends mid-line. */
    static Case writeHugeUnterminated(Path dir, long bytes) throws IOException {
        Path file = dir.resolve("huge-unterminated.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(canaryLine("huge-unterminated").getBytes(StandardCharsets.US_ASCII));
            writeHugeString(out, bytes);
        }
        return new Case("huge-unterminated", file, 2);
    }

    /** A line of {@code bytes} bytes with its newline, then the canary. */
    static Case writeHugeLine(Path dir, long bytes) throws IOException {
        Path file = dir.resolve("huge-line.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            writeHugeString(out, bytes);
            out.write(("\"}\n" + canaryLine("huge-line")).getBytes(StandardCharsets.US_ASCII));
        }
        return new Case("huge-line", file, 1);
    }

    /**
     * Three lines just under {@code bytes} (the line bound of validate and fmt), each needing many times its size in
     * memory once read: one long string, a million small numbers, a million empty arrays. Then the canary.
     */
    static Case writeNearTheBound(Path dir, int bytes) throws IOException {
        Path file = dir.resolve("near-the-bound.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            String entry = canaryLine("x").trim();
            int room = bytes - entry.length() - 64;
            out.write(entry.replace("canary x", "x".repeat(room)).getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
            writeArray(out, "1", room / 2);
            writeArray(out, "[]", room / 3);
            out.write(canaryLine("near-the-bound").getBytes(StandardCharsets.US_ASCII));
        }
        return new Case("near-the-bound", file, 1);
    }

    private static void writeArray(OutputStream out, String item, int count) throws IOException {
        out.write("{\"a\":[".getBytes(StandardCharsets.US_ASCII));
        byte[] next = ("," + item).getBytes(StandardCharsets.US_ASCII);
        out.write(item.getBytes(StandardCharsets.US_ASCII));
        for (int i = 1; i < count; i++) {
            out.write(next);
        }
        out.write("]}\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeHugeString(OutputStream out, long bytes) throws IOException {
        out.write("{\"message\":\"".getBytes(StandardCharsets.US_ASCII));
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'x');
        for (long left = bytes; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    private static byte[] nested(String open, String close, int depth) {
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }
}
