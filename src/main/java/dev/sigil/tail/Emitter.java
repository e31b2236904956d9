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
final class Emitter implements LineAssembler.Sink, AutoCloseable {

    private final TailListener listener;
    private final DecodeAhead pending;
    /** Pending lines are decoded once they hold this many bytes, so memory stays bounded. */
    private static final int PENDING_BYTES = 1 << 20;
    private final int batchLimit;
    private String source = "";
    private List<TailEntry> batch = new ArrayList<>();
    private long lines;
    private long entries;
    private long blank;
    private long invalidUtf8;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);

    Emitter(TailListener listener, int batchLimit, LineDecoder decoder) {
        this.listener = listener;
        this.pending = new DecodeAhead(decoder);
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
        pending.add(number, offset, bytes, from, to);
        if (pending.bytes() >= PENDING_BYTES) {
            drain();
        }
    }

    /** Decodes the pending lines and hands them out in order. */
    private void drain() {
        if (pending.size() == 0) {
            return;
        }
        pending.decode();
        try {
            for (int i = 0; i < pending.size(); i++) {
                emit(pending.number(i), pending.offset(i), pending.length(i), pending.result(i));
            }
        } finally {
            pending.clear();
        }
    }

    private void emit(long number, long offset, int length, LineDecoder.Result r) {
        lines++;
        if (r.isBlank()) {
            blank++;
        } else if (r.entry() != null) {
            entries++;
            if (r.entry().invalidUtf8()) {
                invalidUtf8++;
            }
            batch.add(r.entry());
            if (batch.size() >= batchLimit) {
                sendBatch();
            }
        } else {
            skip(number, offset, length, r.skip(), r.detail());
        }
    }

    @Override
    public void tooLong(long number, long offset, long length) {
        drain();
        lines++;
        skip(number, offset, length, SkipReason.TOO_LONG, length + " bytes");
    }

    /** An unterminated line that will never be completed. */
    void torn(long number, long offset, long length, String why) {
        drain();
        skip(number, offset, length, SkipReason.TORN, length + " bytes without a newline; " + why);
    }

    void change(TailEvent.Change change, String detail) {
        flush();
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
            listener.onEvent(new TailEvent.Lines(source, full));
        }
    }

    @Override
    public void close() {
        pending.close();
    }

    TailStats stats() {
        return new TailStats(lines, entries, blank, invalidUtf8, skipped);
    }

    private void skip(long number, long offset, long length, SkipReason reason, String detail) {
        sendBatch();
        skipped.merge(reason, 1L, Long::sum);
        listener.onEvent(new TailEvent.Skipped(source, number, offset, length, reason, detail));
    }
}
