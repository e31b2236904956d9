package dev.sigil.tail;

import java.util.List;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.MappedLines;

/**
 * What a consumer wants made of each line straight from its bytes, on the decoding threads (ADR 0040, 0041), so
 * that the work is shared out over every core instead of done where the entries are handed out: {@code sigil tail}'s
 * printer has its line format made here. The tailer knows nothing of what the bytes mean; it keeps them on the entry
 * ({@link TailEntry#rendered()}).
 *
 * <p>Returning true is also a promise about the line: it is a JSON object that CPython reads, and a line of the native
 * dialects the tailer asked for (the tailer then skips its own parse, and the line's event is the native decoder's).
 * When not sure, return false: the tailer takes its exact path (the formats, docs/formats.md) and the entry carries
 * no rendering. One instance per decoding thread (the tailer asks a supplier for them), so implementations need not
 * be thread-safe.
 */
public interface LineRender {

    /**
     * Appends the rendering of {@code b[from, to)} to {@code out} and returns true, or returns false (out untouched).
     * Only an execution entry (a string {@code event_type}) is rendered, and with {@code operationLogs} a seed-002
     * operation-log line too ({@code level} or {@code operation} present, no string {@code event_type}): the lines
     * the file's format reads with the native decoders.
     */
    boolean render(byte[] b, int from, int to, ByteSink out, boolean operationLogs);

    /**
     * Appends the rendering of the events another producer's line was read into (one line per event, separated by
     * newlines) and returns true, or returns false (out untouched) to leave them to the consumer.
     */
    default boolean render(List<LogEvent> events, ByteSink out) {
        return false;
    }

    /**
     * Appends the rendering of the events another producer's line was read into, from what {@code lines} keeps of
     * them (ADR 0290), and returns true; or returns false (out untouched), and the tailer makes the events. Returning
     * true is a promise that the consumer needs nothing of the line but this rendering while it reads: the entry's
     * events are then made only when asked for.
     */
    default boolean render(MappedLines lines, ByteSink out) {
        return false;
    }
}
