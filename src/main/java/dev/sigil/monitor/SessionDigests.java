package dev.sigil.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.Status;
import tools.jackson.databind.JsonNode;

/**
 * What the session picker says of each session, read from its files: its task and start from the first line; its
 * status and tokens from a whole read of a small log (the monitor's own figures), or, for a large one, from its last
 * line and its {@code tokens.json}. Bounded: at most {@link #FOLD_BYTES} read whole, {@link #EDGE_BYTES} at each end
 * of a larger log.
 */
final class SessionDigests {

    /** Logs up to this size are read whole for their figures. */
    static final long FOLD_BYTES = 2L << 20;
    /** How much of a large log's start and end is read for its first and last lines. */
    static final int EDGE_BYTES = 64 << 10;
    /** A log written to this recently is running (else, without its end, incomplete): the dashboard's idle rule. */
    static final long RUNNING_WITHIN_MILLIS = 60_000;

    private static final PythonJsonReader READER = new PythonJsonReader();

    private SessionDigests() {
    }

    /** When the log's session started, as its first line writes it, or "". */
    static String started(Path log) {
        JsonNode first = parse(edge(log, false));
        return first == null ? "" : text(first.get("timestamp"), "");
    }

    static SessionChoice digest(SessionChoice plain, LogLayout layout, long nowMillis) {
        SessionId id = SessionId.of(plain.id());
        Path log = layout.executionLog(id);
        JsonNode first = parse(edge(log, false));
        String task = first == null ? "" : text(first.path("metadata").get("task"), text(first.get("message"), ""));
        String started = first == null ? "" : text(first.get("timestamp"), "");
        String status;
        long tokens;
        if (plain.sizeBytes() <= FOLD_BYTES) {
            LogLocator locator = new LogLocator(layout, layout.root().toString());
            SessionStats s = LogSnapshot.read(locator.session(id), EDGE_BYTES * 16, nowMillis, dev.sigil.spend.Prices.NONE);
            status = label(s.status(), plain.modifiedMillis(), nowMillis);
            tokens = s.eventCount() == 0 ? -1 : s.tokensUsed();
        } else {
            JsonNode last = parse(edge(log, true));
            String type = last == null ? "" : text(last.get("event_type"), "");
            status = type.equals("session_complete") ? "complete" : type.equals("session_error") ? "error"
                    : label(Status.INCOMPLETE, plain.modifiedMillis(), nowMillis);
            tokens = tokensOf(log.resolveSibling(LogLayout.TOKENS), last);
        }
        return new SessionChoice(plain.id(), plain.modifiedMillis(), plain.sizeBytes(), status, task, started, tokens);
    }

    private static String label(Status s, long modifiedMillis, long nowMillis) {
        return switch (s) {
            case COMPLETE -> "complete";
            case ERROR -> "error";
            case INITIAL, WAITING -> "";
            case RUNNING, INCOMPLETE -> nowMillis - modifiedMillis < RUNNING_WITHIN_MILLIS ? "running" : "incomplete";
        };
    }

    /** {@code total_used} of tokens.json, else the {@code total_tokens} the last line states, else -1. */
    private static long tokensOf(Path tokensJson, JsonNode last) {
        try {
            if (Files.isRegularFile(tokensJson) && Files.size(tokensJson) < EDGE_BYTES) {
                JsonNode t = READER.read(Files.readAllBytes(tokensJson));
                if (t.path("total_used").canConvertToExactIntegral()) {
                    return t.path("total_used").longValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no summary to trust: the last line may say
        }
        JsonNode total = last == null ? null : last.path("metadata").get("total_tokens");
        return total != null && total.canConvertToExactIntegral() ? total.longValue() : -1;
    }

    /** The first (or last) complete line within {@link #EDGE_BYTES} of the log's start (or end), or null. */
    private static byte[] edge(Path log, boolean end) {
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = ch.size();
            int n = (int) Math.min(EDGE_BYTES, size);
            ByteBuffer buf = ByteBuffer.allocate(n);
            long from = end ? size - n : 0;
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // until full or at the end
            }
            byte[] b = buf.array();
            int len = buf.position();
            if (!end) {
                int nl = indexOf(b, len, 0);
                return nl < 0 ? null : Arrays.copyOf(b, nl);
            }
            int stop = len > 0 && b[len - 1] == '\n' ? len - 1 : len;
            int start = stop;
            while (start > 0 && b[start - 1] != '\n') {
                start--;
            }
            return start == 0 && from > 0 ? null : Arrays.copyOfRange(b, start, stop);
        } catch (IOException e) {
            return null;
        }
    }

    private static int indexOf(byte[] b, int len, int from) {
        for (int i = from; i < len; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode parse(byte[] line) {
        if (line == null) {
            return null;
        }
        try {
            byte[] text = new String(line, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            JsonNode n = READER.read(text, 0, text.length);
            return n != null && n.isObject() ? n : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String otherwise) {
        return n != null && n.isString() ? n.stringValue() : otherwise;
    }
}
