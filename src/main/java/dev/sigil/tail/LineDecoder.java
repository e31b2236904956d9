package dev.sigil.tail;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.StrictUtf8;
import dev.sigil.contract.event.FastLogEvent;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.format.Choice;
import dev.sigil.contract.format.FastProjection;
import dev.sigil.contract.format.FormatDefinition;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.contract.format.Mapped;
import dev.sigil.contract.format.MappedLines;
import tools.jackson.databind.JsonNode;

/**
 * Decides what one complete line is: an entry, a blank line (ignored), or a line skipped for a reason. Pure and
 * thread-safe.
 *
 * <p>Before parsing, leading NUL bytes (the hole a copy-truncate leaves before a writer's next line) and one UTF-8
 * byte order mark are removed, and invalid UTF-8 is replaced as jq replaces it ({@link JqUtf8}); then the line is
 * read as CPython reads it ({@link PythonJsonReader}) and decoded by the first format of the file's {@link Choice}
 * that recognises it (docs/formats.md); an object none recognises is an entry too, its event unrecognised
 * ({@link LogEventDecoder#unrecognised}). The hand-written fast paths answer only for the lines the choice gives to
 * the native formats. jq's {@code fromjson} also ignores a leading BOM, so {@code scripts/file_monitor.sh} sees the
 * same values.
 */
public final class LineDecoder {

    /** What a line turned out to be: exactly one of {@code entry} and {@code skip} is set, or neither for a blank line. */
    public record Result(TailEntry entry, SkipReason skip, String detail) {

        static final Result BLANK = new Result(null, null, "");

        public boolean isBlank() {
            return entry == null && skip == null;
        }
    }

    private final PythonJsonReader reader = new PythonJsonReader();
    /** The fast path's scratch state, one per thread (the decoder itself is shared). */
    private final ThreadLocal<Fast> fast;

    private static final class Fast {
        final LineRender render;
        final FastLogEvent event = new FastLogEvent();
        final FastProjection projection = new FastProjection();
        final MappedLines lines = new MappedLines();
        final ByteSink line = new ByteSink(512);

        Fast(LineRender render) {
            this.render = render;
        }
    }

    private final boolean eventsAhead;

    /** A decoder that works out each entry's event only when asked, and renders nothing. */
    public LineDecoder() {
        this(false, null);
    }

    /**
     * @param eventsAhead whether to work out each entry's {@link LogEvent} now, on the decoding thread
     * @param render what a consumer wants made of each line on the decoding threads (one per thread), or null
     */
    public LineDecoder(boolean eventsAhead, Supplier<? extends LineRender> render) {
        this.eventsAhead = eventsAhead;
        this.fast = ThreadLocal.withInitial(() -> new Fast(render == null ? null : render.get()));
    }

    /** Decodes line {@code number} at byte {@code offset}, held in {@code bytes[from, to)}, with the built-in formats. */
    public Result decode(long number, long offset, byte[] bytes, int from, int to) {
        return decode(number, offset, bytes, from, to, false, FormatSet.builtIn().initial());
    }

    /**
     * {@link #decode(long, long, byte[], int, int)} as the file's {@code choice} says; with {@code bytesStay},
     * {@code bytes} never change after the call, and an entry may keep them instead of a copy of its line.
     */
    Result decode(long number, long offset, byte[] bytes, int from, int to, boolean bytesStay, Choice choice) {
        int start = skipNuls(bytes, from, to);
        if (to - start >= 3 && (bytes[start] & 0xFF) == 0xEF && (bytes[start + 1] & 0xFF) == 0xBB && (bytes[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        if (isBlank(bytes, start, to)) {
            return Result.BLANK;
        }
        // The fast paths: no tree, the event or the consumer's rendering straight from the bytes, UTF-8 checked on
        // the way (ADR 0040); anything they are not sure of takes the exact path below.
        Fast f = fast.get();
        f.line.reset();
        boolean entriesFast = choice.executionEntriesFirst();
        boolean operationLogsFast = choice.operationLogsFirst();
        if (eventsAhead && entriesFast && to - start <= FastJson.MAX_LINE_BYTES) {
            // The monitor needs the event, not the printed line: the event's own scan checks the line (ADR 0040).
            LogEvent event = f.event.decode(bytes, start, to);
            if (event != null) {
                TailEntry entry = bytesStay ? TailEntry.ofCheckedLine(number, offset, bytes, start, to, null, event)
                        : TailEntry.ofCheckedLine(number, offset, Arrays.copyOfRange(bytes, start, to), 0, to - start, null, event);
                return new Result(entry, null, "");
            }
        }
        if (f.render != null && (entriesFast || operationLogsFast) && to - start <= FastJson.MAX_LINE_BYTES
                && f.render.render(bytes, start, to, f.line, operationLogsFast)) {
            TailEntry entry = bytesStay
                    ? TailEntry.ofCheckedLine(number, offset, bytes, start, to, f.line.toByteArray(), eventsAhead ? f.event.decode(bytes, start, to) : null)
                    : TailEntry.ofCheckedLine(number, offset, Arrays.copyOfRange(bytes, start, to), 0, to - start, f.line.toByteArray(),
                            eventsAhead ? f.event.decode(bytes, start, to) : null);
            if (eventsAhead) {
                entry.event();
            }
            return new Result(entry, null, "");
        }
        FormatDefinition first = choice.first();
        if (first != null && to - start <= FastJson.MAX_LINE_BYTES && f.render != null && !eventsAhead && first.readsLines()) {
            // Another producer's line for a consumer that wants its rendering: what the rendering shows, no event
            // made (ADR 0290); the rendering may still decline, and the events are made below.
            if (first.readLinesFast(bytes, start, to, f.projection, f.lines)) {
                f.line.reset();
                if (f.render.render(f.lines, f.line)) {
                    byte[] text = bytesStay ? bytes : Arrays.copyOfRange(bytes, start, to);
                    return new Result(bytesStay ? TailEntry.ofRenderedMappedLine(number, offset, text, start, to, f.line.toByteArray(), choice, f.lines)
                            : TailEntry.ofRenderedMappedLine(number, offset, text, 0, to - start, f.line.toByteArray(), choice, f.lines), null, "");
                }
            } else {
                first = null; // not of it, or not sure: the exact path
            }
        }
        if (first != null && to - start <= FastJson.MAX_LINE_BYTES) {
            // Another producer's line: read from the bytes what its format reads, nothing else (ADR 0110).
            List<Mapped> mapped = first.readFast(bytes, start, to, f.projection);
            if (mapped != null) {
                byte[] text = bytesStay ? bytes : Arrays.copyOfRange(bytes, start, to);
                byte[] rendered = render(f, mapped);
                return new Result(bytesStay ? TailEntry.ofMappedLine(number, offset, text, start, to, mapped, rendered)
                        : TailEntry.ofMappedLine(number, offset, text, 0, to - start, mapped, rendered), null, "");
            }
        }
        boolean repaired = StrictUtf8.firstInvalid(bytes, start, to) >= 0;
        byte[] text = bytes;
        int textFrom = start;
        int textTo = to;
        if (repaired) {
            text = JqUtf8.repair(bytes, start, to);
            textFrom = 0;
            textTo = text.length;
        }
        JsonNode json;
        try {
            json = reader.read(text, textFrom, textTo);
        } catch (JsonSyntaxException e) {
            return new Result(null, SkipReason.MALFORMED, e.reason() + " at column " + e.column());
        }
        if (!json.isObject()) {
            return new Result(null, SkipReason.NOT_AN_OBJECT, kind(json));
        }
        List<Mapped> mapped = choice.read(json);
        if (mapped == null) {
            return new Result(new TailEntry(number, offset, json, LogEventDecoder.unrecognised(json), repaired), null, "");
        }
        return new Result(TailEntry.ofMapped(number, offset, json, mapped, repaired), null, "");
    }

    /** The consumer's rendering of a mapped line's events, made here on the decoding thread; null for none. */
    private static byte[] render(Fast f, List<Mapped> mapped) {
        if (f.render == null) {
            return null;
        }
        List<LogEvent> events = new java.util.ArrayList<>(mapped.size());
        mapped.forEach(m -> events.add(m.event()));
        f.line.reset();
        return f.render.render(events, f.line) ? f.line.toByteArray() : null;
    }

    private static int skipNuls(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] == 0) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode json) {
        return switch (json.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }
}
