package dev.sigil.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logs as real pipelines write them, of any size: a session whose steps carry an LLM output of about
 * {@code entryBytes} in {@code metadata.output} (words, a few non-ASCII ones, quotes and line breaks, escaped as
 * CPython escapes them), every line valid against the contract and already in the canonical byte form (so
 * {@code sigil fmt} gives the same bytes back). Deterministic: the same arguments give the same file.
 */
public final class LargeLogs {

    /** Words of the outputs, already in their escaped form. */
    private static final String[] WORDS = ("analysis lead score company revenue market segment intent memory retrieval plan step "
            + "contract output validated reasoning chain thought customer pipeline budget token latency context window summary "
            + "result evidence source query ranking candidate draft review final answer").split(" ");
    private static final String[] SPECIAL = {"r\\u00e9sum\\u00e9", "\\u65e5\\u672c\\u8a9e", "\\\"quoted\\\"", "\\n", "Z\\u00fcrich",
        "\\u2014", "na\\u00efve", "\\ud83d\\ude80"};
    private static final String[] COMPONENTS = {"routing", "memory", "planning", "reasoning", "contracts", "validation"};

    private LargeLogs() {
    }

    /** What a written log holds: its entries (lines, all of them entries) and its size in bytes. */
    public record Written(Path file, long entries, long bytes) {
    }

    /** Writes a log of about {@code totalBytes} whose step entries are about {@code entryBytes} long. */
    public static Written write(Path file, int entryBytes, long totalBytes) throws IOException {
        long entries = 0;
        long bytes = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            bytes += line(out, "{\"timestamp\":\"2026-01-11T10:00:00.000001\",\"session_id\":\"large\",\"event_type\":\"session_start\","
                    + "\"component\":\"orchestrator\",\"message\":\"Starting pipeline for: a large session\",\"tokens\":0,"
                    + "\"metadata\":{\"task\":\"a large session\",\"budget\":256000}}");
            entries++;
            StringBuilder text = new StringBuilder(entryBytes + 64);
            for (long n = 0; bytes < totalBytes - entryBytes; n++) {
                text.setLength(0);
                output(text, n, Math.max(8, entryBytes - 230));
                bytes += line(out, "{\"timestamp\":\"" + timestamp(n) + "\",\"session_id\":\"large\",\"event_type\":\"step_complete\","
                        + "\"component\":\"" + COMPONENTS[(int) (n % COMPONENTS.length)] + "\",\"message\":\"Step " + n + " done\","
                        + "\"tokens\":" + (100 + n % 900) + ",\"metadata\":{\"latency_ms\":" + (10 + n % 4000) + ".5,\"output\":\"" + text + "\"}}");
                entries++;
            }
            bytes += line(out, "{\"timestamp\":\"2026-01-12T10:00:00.000001\",\"session_id\":\"large\",\"event_type\":\"session_complete\","
                    + "\"component\":\"orchestrator\",\"message\":\"Pipeline complete\",\"tokens\":0,\"metadata\":{}}");
            entries++;
        }
        return new Written(file, entries, bytes);
    }

    private static long line(OutputStream out, String line) throws IOException {
        byte[] b = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        out.write(b);
        return b.length;
    }

    /** About {@code length} bytes of output text, in escaped form. */
    private static void output(StringBuilder text, long n, int length) {
        long state = n * 0x9E3779B97F4A7C15L + 1;
        while (text.length() < length) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            int pick = (int) ((state >>> 33) % 100);
            text.append(pick < 4 ? SPECIAL[pick * SPECIAL.length / 4 + (int) (n % 2)] : WORDS[pick % WORDS.length]).append(' ');
        }
        // Cut after a whole word or escape (they never hold a space), so that the text stays JSON.
        text.setLength(Math.max(0, text.lastIndexOf(" ", length)));
        text.append('x');
    }

    private static String timestamp(long n) {
        long seconds = n / 4;
        return String.format("2026-01-11T%02d:%02d:%02d.%06d", 10 + (seconds / 3600) % 12, (seconds / 60) % 60, seconds % 60, 250_000 * (n % 4) + 1);
    }
}
