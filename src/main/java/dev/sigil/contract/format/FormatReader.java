package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.FastLogEvent;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import tools.jackson.databind.JsonNode;

/**
 * Reads the lines of one file, in order, into events through the formats (docs/formats.md): the decoding step of
 * every reader that is not the tailer ({@code sigil prices --explain}, reports), the same rules the tailer follows.
 * The file's first lines are held until its format is found from them ({@link Sniff}, at most about
 * {@value Sniff#BYTES} bytes), then read in it; execution entries take the hand-written fast path when the format
 * allows; a model call restated on later lines counts once ({@link Restatements}). Mutable: one per file, one thread.
 */
public final class FormatReader {

    /** Where the lines go, in file order. */
    public interface Sink {

        /** A line a format read: its events (one, or one per record), restated calls counted once. */
        void events(long line, List<LogEvent> events);

        /** A JSON object no format recognised. */
        default void unrecognised(long line, LogEvent event) {
        }

        /** A line that is not a JSON object CPython reads: {@code why}. */
        default void notAnObject(long line, String why) {
        }
    }

    private record Held(long line, JsonNode json, String why) {
    }

    private final Sniff sniff;
    private final Restatements restatements = new Restatements();
    private final PythonJsonReader reader = new PythonJsonReader();
    private final FastLogEvent fast = new FastLogEvent();
    private final FastProjection projection = new FastProjection();
    private final List<Held> held = new ArrayList<>();

    public FormatReader(FormatSet formats) {
        this.sniff = formats.sniff();
    }

    /** Reads line {@code number}, {@code b[from, to)}; blank lines are ignored. */
    public void line(long number, byte[] b, int from, int to, Sink sink) {
        if (LineSplitter.isBlank(b, from, to)) {
            return;
        }
        if (held.isEmpty() && sniff.settled()) {
            read(number, b, from, to, sink);
            return;
        }
        JsonNode json = null;
        String why = null;
        try {
            json = reader.read(b, from, to);
            sniff.offer(json, to - from);
        } catch (JsonSyntaxException e) {
            why = e.reason() + " at column " + e.column();
        }
        held.add(new Held(number, json, why));
        if (sniff.settled()) {
            release(sink);
        }
    }

    /** The file ended: reads what is still held. */
    public void end(Sink sink) {
        release(sink);
    }

    /** How the file is read (after its first lines were looked at). */
    public Choice choice() {
        return sniff.choice();
    }

    private void release(Sink sink) {
        for (Held h : held) {
            if (h.why != null) {
                sink.notAnObject(h.line, h.why);
            } else {
                decode(h.line, h.json, sink);
            }
        }
        held.clear();
    }

    private void read(long number, byte[] b, int from, int to, Sink sink) {
        Choice choice = sniff.choice();
        if (choice.executionEntriesFirst()) {
            LogEvent e = fast.decode(b, from, to);
            if (e != null) {
                sink.events(number, List.of(e));
                return;
            }
        }
        if (choice.first() != null) {
            List<Mapped> mapped = choice.first().readFast(b, from, to, projection);
            if (mapped != null) {
                counted(number, mapped, sink);
                return;
            }
        }
        JsonNode json;
        try {
            json = reader.read(b, from, to);
        } catch (JsonSyntaxException e) {
            sink.notAnObject(number, e.reason() + " at column " + e.column());
            return;
        }
        decode(number, json, sink);
    }

    private void decode(long number, JsonNode json, Sink sink) {
        if (!json.isObject()) {
            sink.notAnObject(number, "not a JSON object");
            return;
        }
        List<Mapped> mapped = sniff.choice().read(json);
        if (mapped == null) {
            sink.unrecognised(number, LogEventDecoder.unrecognised(json));
            return;
        }
        counted(number, mapped, sink);
    }

    private void counted(long number, List<Mapped> mapped, Sink sink) {
        List<LogEvent> events = new ArrayList<>(mapped.size());
        for (Mapped m : mapped) {
            events.add(restatements.adjust(m));
        }
        sink.events(number, events);
    }
}
