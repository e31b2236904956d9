package dev.sigil.tail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the lines of every open file go: decodes them, gathers entries into batches, counts, and sends events to the
 * listener in file order (a skipped line or a file change first sends the batch before it). Used on the polling
 * thread only.
 */
final class Emitter implements LineAssembler.Sink {

    private final TailListener listener;
    private final LineDecoder decoder = new LineDecoder();
    private final int batchLimit;
    private String source = "";
    private List<TailEntry> batch = new ArrayList<>();
    private long lines;
    private long entries;
    private long blank;
    private long invalidUtf8;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);

    Emitter(TailListener listener, int batchLimit) {
        this.listener = listener;
        this.batchLimit = batchLimit;
    }

    /** The source whose lines come next. */
    void source(String name) {
        if (!name.equals(source)) {
            flush();
            source = name;
        }
    }

    @Override
    public void line(long number, long offset, byte[] bytes, int from, int to) {
        lines++;
        LineDecoder.Result r = decoder.decode(number, offset, bytes, from, to);
        if (r.isBlank()) {
            blank++;
        } else if (r.entry() != null) {
            entries++;
            if (r.entry().invalidUtf8()) {
                invalidUtf8++;
            }
            batch.add(r.entry());
            if (batch.size() >= batchLimit) {
                flush();
            }
        } else {
            skip(number, offset, to - from, r.skip(), r.detail());
        }
    }

    @Override
    public void tooLong(long number, long offset, long length) {
        lines++;
        skip(number, offset, length, SkipReason.TOO_LONG, length + " bytes");
    }

    /** An unterminated line that will never be completed. */
    void torn(long number, long offset, long length, String why) {
        skip(number, offset, length, SkipReason.TORN, length + " bytes without a newline; " + why);
    }

    void change(TailEvent.Change change, String detail) {
        flush();
        listener.onEvent(new TailEvent.FileChanged(source, change, detail));
    }

    void flush() {
        if (!batch.isEmpty()) {
            List<TailEntry> full = batch;
            batch = new ArrayList<>();
            listener.onEvent(new TailEvent.Lines(source, full));
        }
    }

    TailStats stats() {
        return new TailStats(lines, entries, blank, invalidUtf8, skipped);
    }

    private void skip(long number, long offset, long length, SkipReason reason, String detail) {
        flush();
        skipped.merge(reason, 1L, Long::sum);
        listener.onEvent(new TailEvent.Skipped(source, number, offset, length, reason, detail));
    }
}
