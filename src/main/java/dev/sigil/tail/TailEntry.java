package dev.sigil.tail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.event.Usage;
import dev.sigil.contract.format.Choice;
import dev.sigil.contract.format.LineFields;
import dev.sigil.contract.format.MappedLines;
import dev.sigil.contract.format.Mapped;
import dev.sigil.contract.format.Restatements;
import tools.jackson.databind.JsonNode;

/**
 * One complete line that was a JSON object, in the form every reader needs.
 *
 * <p>An entry made by the tailer's fast path holds the line's bytes, already known to be a JSON object that CPython
 * reads, and what the consumer's {@link LineRender} made of them, if it asked for one; the tree and the event are then
 * built only when someone asks (docs/benchmarks.md, ADR 0040). Either way the values are those of the exact path. Immutable as seen from outside;
 * safe to hand to another thread.
 */
public sealed class TailEntry permits DeferredMappedEntry {

    private static final PythonJsonReader READER = new PythonJsonReader();

    private final long line;
    private final long offset;
    private final boolean invalidUtf8;
    private final byte[] text;
    private final int textFrom;
    private final int textTo;
    private final byte[] rendered;
    private volatile JsonNode json;
    private volatile LogEvent event;
    /** Every event of the line when it has several (a line of several records), else null. */
    private final List<LogEvent> events;
    /** What the format made of the line, while a restated call may still change its events (until the emitter sees it). */
    private final List<Mapped> mapped;
    /**
     * @param line 1-based number of the line in its file (counting blank and skipped lines; restarts when the file is
     *        truncated or replaced)
     * @param offset byte offset of the line's first byte in its file
     * @param json the parsed object, as CPython reads it; shared, treat it as read-only
     * @param event the reader's view of it (docs/contract.md §8-9)
     * @param invalidUtf8 true if the line held invalid UTF-8 that was replaced by U+FFFD before parsing
     */
    public TailEntry(long line, long offset, JsonNode json, LogEvent event, boolean invalidUtf8) {
        this(line, offset, json, event, invalidUtf8, null, 0, 0, null, null, null);
    }

    private TailEntry(long line, long offset, JsonNode json, LogEvent event, boolean invalidUtf8, byte[] text, int textFrom, int textTo,
                      byte[] rendered, List<LogEvent> events, List<Mapped> mapped) {
        this.events = events;
        this.mapped = mapped;
        this.line = line;
        this.offset = offset;
        this.json = json;
        this.event = event;
        this.invalidUtf8 = invalidUtf8;
        this.text = text;
        this.textFrom = textFrom;
        this.textTo = textTo;
        this.rendered = rendered;
    }

    /** An entry of a line whose bytes {@code text[from, to)} and rendering it keeps, nothing else made (for {@link DeferredMappedEntry}). */
    TailEntry(long line, long offset, byte[] text, int from, int to, byte[] rendered) {
        this(line, offset, null, null, false, text, from, to, rendered, null, null);
    }

    /**
     * An entry of a line checked on the fast path: {@code text[from, to)} is valid UTF-8 holding a JSON object CPython
     * reads, {@code rendered} what the consumer's {@link LineRender} made of it (or null), {@code event} its event if
     * already known (else null).
     * Both arrays are kept, not copied, and must never change (the tailer gives each group of lines an array of its
     * own).
     */
    static TailEntry ofCheckedLine(long line, long offset, byte[] text, int from, int to, byte[] rendered, LogEvent event) {
        return new TailEntry(line, offset, null, event, false, text, from, to, rendered, null, null);
    }

    /**
     * An entry of a line a format read straight from its bytes ({@code text[from, to)}, valid UTF-8 holding a JSON
     * object CPython reads): its tree is built only when asked for. The array is kept, not copied.
     */
    static TailEntry ofMappedLine(long line, long offset, byte[] text, int from, int to, List<Mapped> mapped, byte[] rendered) {
        TailEntry e = ofMapped(line, offset, null, mapped, false);
        return new TailEntry(line, offset, null, e.event, false, text, from, to, rendered, e.events, e.mapped);
    }

    /**
     * An entry of a line a format read into its rendering alone ({@code lines}, ADR 0290; {@code text[from, to)} valid
     * UTF-8 holding a JSON object CPython reads): its events are made from its bytes by {@code choice} only when
     * asked for, and are those the format would have made then. The array is kept, not copied.
     */
    static TailEntry ofRenderedMappedLine(long line, long offset, byte[] text, int from, int to, byte[] rendered, Choice choice,
                                          MappedLines lines) {
        String[] keys = null;
        Usage[] usages = null;
        for (int i = 0; i < lines.size(); i++) {
            LineFields f = lines.get(i);
            if (f.callKey() != null) {
                if (keys == null) {
                    keys = new String[lines.size()];
                    usages = new Usage[lines.size()];
                }
                keys[i] = f.callKey();
                usages[i] = f.usage();
            }
        }
        return new DeferredMappedEntry(line, offset, text, from, to, rendered, choice, keys, usages, null);
    }

    /** The line's bytes when the entry holds them (a fast-path or a mapped line), else null; never to be changed. */
    byte[] text() {
        return text;
    }

    int textFrom() {
        return textFrom;
    }

    int textTo() {
        return textTo;
    }

    /** An entry of a line a format read into {@code mapped} (one event or more, in the line's order). */
    static TailEntry ofMapped(long line, long offset, JsonNode json, List<Mapped> mapped, boolean invalidUtf8) {
        List<LogEvent> events = new ArrayList<>(mapped.size());
        boolean restates = false;
        for (Mapped m : mapped) {
            events.add(m.event());
            restates |= m.callKey() != null;
        }
        return new TailEntry(line, offset, json, events.get(0), invalidUtf8, null, 0, 0, null, events.size() > 1 ? List.copyOf(events) : null,
                restates ? List.copyOf(mapped) : null);
    }

    /**
     * This entry as it counts in its file, in file order: a line restating a model call an earlier line reported
     * carries only what it adds ({@link Restatements}); any other entry is itself.
     */
    TailEntry counted(Restatements restatements) {
        if (mapped == null) {
            return this;
        }
        List<LogEvent> adjusted = new ArrayList<>(mapped.size());
        for (Mapped m : mapped) {
            adjusted.add(restatements.adjust(m));
        }
        return new TailEntry(line, offset, json, adjusted.get(0), invalidUtf8, text, textFrom, textTo, rendered,
                adjusted.size() > 1 ? List.copyOf(adjusted) : null, null);
    }

    public long line() {
        return line;
    }

    public long offset() {
        return offset;
    }

    public boolean invalidUtf8() {
        return invalidUtf8;
    }

    /** The parsed object, as CPython reads it; shared, treat it as read-only. */
    public JsonNode json() {
        JsonNode j = json;
        if (j == null && text != null) {
            j = READER.read(text, textFrom, textTo);
            json = j;
        }
        return j;
    }

    /**
     * Every event of the line, in order: one for most lines, one per record for a format whose lines hold several
     * (OTLP JSON, docs/formats.md).
     */
    public List<LogEvent> events() {
        return events != null ? events : List.of(event());
    }

    /** The reader's view of the line (docs/contract.md §8-9, docs/formats.md); the first event of a line of several. */
    public LogEvent event() {
        LogEvent e = event;
        if (e == null && text != null) {
            e = LogEventDecoder.decode(json());
            event = e;
        }
        return e;
    }

    /**
     * What the consumer's {@link LineRender} made of the line on a decoding thread, or null: none was given, or it was
     * not sure of the line (then work from {@link #json()}). Shared; never change it.
     */
    public byte[] rendered() {
        return rendered;
    }

    /** Whether the line's bytes are kept (an entry of the fast path), for tests. */
    boolean keepsText() {
        return text != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TailEntry t && line == t.line && offset == t.offset && invalidUtf8 == t.invalidUtf8
                && Objects.equals(json(), t.json()) && events().equals(t.events());
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, offset, invalidUtf8);
    }

    @Override
    public String toString() {
        return "TailEntry[line=" + line + ", offset=" + offset + ", invalidUtf8=" + invalidUtf8 + ", event=" + event() + "]";
    }
}
