package dev.sigil.tail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.format.FormatSet;

/**
 * Where the lines of every open file go: decodes them, gathers entries into batches, counts, and sends events to the
 * listener in file order (a skipped line or a file change first sends the batch before it). Each file's format is
 * found from its first lines before they are decoded, and its restated model calls are counted once, here, in file
 * order ({@link FileFormat}). Used on the polling thread only.
 */
final class Emitter implements LineAssembler.Sink, AutoCloseable {

    /** The weight of a reader's first group ({@link #nextGroupBytes}). */
    static final int FIRST_GROUP_BYTES = 64 << 10;

    private final TailListener listener;
    /**
     * The listener reads no entry after its event: a group's array is written again once its entries are handed out,
     * so every group's entries are handed out before it is cleared (ADR 0302).
     */
    private final boolean reuseArenas;
    private final LineDecoder decoder;
    /** Where the lines go undecoded, in a raw tailer; else null. */
    private final RawLineListener raw;
    /** Lines read and not yet decoded. */
    private DecodeAhead pending;
    /** A group the helper thread is decoding, handed out at the next group or at the next flush; or null. */
    private DecodeAhead inFlight;
    /** An emptied group kept for reuse, or null. */
    private DecodeAhead spare;
    /**
     * Pending lines are decoded once they weigh this many bytes ({@link DecodeAhead#weight()}), and a batch is handed
     * out once its entries weigh as much, so memory stays bounded by bytes whatever the lines' length.
     */
    private final int groupBytes;
    /**
     * The weight at which the pending group is decoded: 64 KiB for a reader's first group, doubled with every group up
     * to {@link #groupBytes}, so that the helper thread starts on the first lines instead of after the first megabyte
     * (ADR 0301).
     */
    private int nextGroupBytes;
    private final int batchLimit;
    private final FormatSet formats;
    /** Each source's format, by name. */
    private final Map<String, FileFormat> files = new HashMap<>();
    private FileFormat file;
    private String source = "";
    private List<TailEntry> batch = new ArrayList<>();
    private long batchWeight;
    /** The line read last (its number and length), for what an out-of-memory message says was being read. */
    private long lastLine;
    private long lastLength;
    private long lines;
    private long entries;
    private long blank;
    private long invalidUtf8;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    /** Per source, the offset below which its lines are passed over undecoded ({@link Tailer#passOver}). */
    private final Map<String, Long> passBelow = new HashMap<>();
    /** The pass-over of the current source, or -1. */
    private long passing = -1;
    /** The counts as last handed out by {@link #stats()}; null once one of them has moved. */
    private TailStats stats;

    Emitter(TailListener listener, int batchLimit, int groupBytes, LineDecoder decoder, FormatSet formats) {
        this(listener, batchLimit, groupBytes, decoder, formats, null);
    }

    /** An emitter that hands every line's bytes to {@code raw} as they are, decoding nothing. */
    static Emitter raw(RawLineListener raw, int groupBytes) {
        return new Emitter(raw::onEvent, 1, groupBytes, new LineDecoder(), FormatSet.builtIn(), raw);
    }

    private Emitter(TailListener listener, int batchLimit, int groupBytes, LineDecoder decoder, FormatSet formats, RawLineListener raw) {
        this.raw = raw;
        this.formats = formats;
        this.file = new FileFormat(formats);
        this.listener = listener;
        this.groupBytes = groupBytes;
        this.nextGroupBytes = Math.min(groupBytes, FIRST_GROUP_BYTES);
        this.decoder = decoder;
        this.reuseArenas = !listener.keepsEntries();
        this.pending = new DecodeAhead(decoder, null, reuseArenas);
        this.batchLimit = batchLimit;
    }

    /** The source whose lines come next. */
    void source(String name) {
        if (!name.equals(source)) {
            flush();
            source = name;
            file = files.computeIfAbsent(name, n -> new FileFormat(formats));
            passing = passBelow.getOrDefault(name, -1L);
        }
    }

    /**
     * Lines of {@code name} that start before {@code offset} are counted but neither decoded nor handed out, once the
     * file's format is found: what a consumer that already holds their fold asks for (ADR 0180). Forgotten when the
     * file behind the name changes (rotated, truncated, replaced).
     */
    void passOver(String name, long offset) {
        passBelow.put(name, offset);
        if (name.equals(source)) {
            passing = offset;
        }
    }

    @Override
    public void line(long number, long offset, byte[] bytes, int from, int to) {
        lastLine = number;
        lastLength = to - from;
        if (raw != null) {
            stats = null;
            lines++;
            raw.line(source, number, offset, bytes, from, to);
            return;
        }
        file.look(bytes, from, to);
        if (offset < passing && file.settled()) {
            stats = null;
            lines++;
            return;
        }
        pending.add(number, offset, bytes, from, to);
        if (pending.weight() >= nextGroupBytes) {
            nextGroupBytes = Math.min(groupBytes, nextGroupBytes * 2);
            // Hand this group to the helper and, meanwhile, hand out the one it decoded before (ADR 0041).
            DecodeAhead previous = inFlight;
            inFlight = null;
            pending.choice(file.choice());
            boolean later = pending.decodeLater();
            if (previous != null) {
                previous.awaitDecoded();
                emitAll(previous); // the older group first
                spare = previous;
            }
            if (later) {
                inFlight = pending;
                pending = spare != null ? spare : new DecodeAhead(decoder, pending, reuseArenas);
                spare = null;
            } else {
                emitAll(pending);
            }
        }
    }

    /** Decodes every pending line and hands them all out, in order. */
    private void drain() {
        if (inFlight != null) {
            DecodeAhead done = inFlight;
            inFlight = null;
            done.awaitDecoded();
            emitAll(done);
            spare = done;
        }
        if (pending.size() > 0) {
            pending.choice(file.choice());
            pending.decode();
            emitAll(pending);
        }
    }

    private void emitAll(DecodeAhead group) {
        try {
            for (int i = 0; i < group.size(); i++) {
                emit(group.number(i), group.offset(i), group.length(i), group.result(i));
            }
            if (reuseArenas) {
                sendBatch(); // the group's bytes are written again next: its entries go out now
            }
        } finally {
            group.clear();
        }
    }

    private void emit(long number, long offset, int length, LineDecoder.Result r) {
        stats = null;
        lines++;
        if (r.isBlank()) {
            blank++;
        } else if (r.entry() != null) {
            entries++;
            if (r.entry().invalidUtf8()) {
                invalidUtf8++;
            }
            batch.add(file.counted(r.entry()));
            batchWeight += length + DecodeAhead.LINE_OVERHEAD;
            if (batch.size() >= batchLimit || batchWeight >= groupBytes) {
                sendBatch();
            }
        } else {
            skip(number, offset, length, r.skip(), r.detail());
        }
    }

    @Override
    public void tooLong(long number, long offset, long length) {
        lastLine = number;
        lastLength = length;
        drain();
        lines++; // skip() below marks the counts as moved
        skip(number, offset, length, SkipReason.TOO_LONG, length + " bytes");
    }

    /** An unterminated line that will never be completed. */
    void torn(long number, long offset, long length, String why) {
        drain();
        skip(number, offset, length, SkipReason.TORN, length + " bytes without a newline; " + why);
    }

    void change(TailEvent.Change change, String detail) {
        flush();
        if (change == TailEvent.Change.ROTATED || change == TailEvent.Change.TRUNCATED || change == TailEvent.Change.REPLACED) {
            file.reset(); // another file, or this one rewritten: its format is found again
            passBelow.remove(source); // and none of its lines is held elsewhere
            passing = -1;
        }
        listener.onEvent(new TailEvent.FileChanged(source, change, detail));
    }

    void flush() {
        drain();
        sendBatch();
    }

    private void sendBatch() {
        if (!batch.isEmpty()) {
            List<TailEntry> full = batch;
            batch = new ArrayList<>();
            batchWeight = 0;
            listener.onEvent(new TailEvent.Lines(source, full));
        }
    }

    @Override
    public void close() {
        if (inFlight != null) {
            inFlight.awaitDecoded();
            inFlight.clear();
            inFlight = null;
        }
        pending.close();
    }

    /** The heap ran out: what was being read, for the message. */
    OutOfMemoryWhileReading outOfMemory(OutOfMemoryError e) {
        return new OutOfMemoryWhileReading(source, lastLine, lastLength, e);
    }

    /** The counts so far; the same object while nothing was counted (an idle poll allocates nothing). */
    TailStats stats() {
        if (stats == null) {
            stats = new TailStats(lines, entries, blank, invalidUtf8, skipped);
        }
        return stats;
    }

    private void skip(long number, long offset, long length, SkipReason reason, String detail) {
        sendBatch();
        stats = null;
        skipped.merge(reason, 1L, Long::sum);
        listener.onEvent(new TailEvent.Skipped(source, number, offset, length, reason, detail));
    }
}
