package dev.sigil.tail;

import dev.sigil.contract.Heap;

/**
 * The heap ran out while a tailer read: what it was reading (the file, the line it had reached and that line's
 * length), so that the message can say where and suggest a larger heap ({@link Heap}). Everything the failed work
 * allocated is garbage again when this is thrown.
 */
public final class OutOfMemoryWhileReading extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long lineBytes;

    OutOfMemoryWhileReading(String source, long line, long lineBytes, OutOfMemoryError cause) {
        super(null, cause, false, false);
        this.source = source;
        this.line = line;
        this.lineBytes = lineBytes;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public long lineBytes() {
        return lineBytes;
    }

    /** "out of memory reading FILE at line N (a line of M bytes); ...": for people, with the heap to ask for. */
    @Override
    public String getMessage() {
        String where = source.isEmpty() ? "" : " reading " + source + (line > 0 ? " at line " + line + " (a line of " + lineBytes + " bytes)" : "");
        return "out of memory" + where + ": " + Heap.tooSmall();
    }
}
